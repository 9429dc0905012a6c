using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdaptiveLoss.Grains.Tests.Workers;

/// <summary>
/// The grain-call retry on fake time: transient errors are retried with capped exponential backoff until the budget is
/// spent, argument/state/cancellation errors are not, and the last error is what fails the child.
/// </summary>
public sealed class GrainCallRetryTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_TransientErrorsThenSuccess_ReturnsTheResultAfterBackoff()
    {
        var time = new TimerSignallingTimeProvider();
        var calls = 0;
        var retry = NewRetry(time);

        var run = Task.Run(() => retry.Run("DecideAsync", () =>
            ++calls < 3 ? Task.FromException<int>(new TimeoutException("silo gone")) : Task.FromResult(42)));
        var waits = await time.DriveAsync(run);

        Assert.Equal(42, await run);
        Assert.Equal(3, calls);
        Assert.Equal(2, waits.Count);
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(OperationCanceledException))]
    public void Run_NonTransientError_ThrowsAtOnceWithoutRetry(Type errorType)
    {
        var time = new TimerSignallingTimeProvider();
        var error = (Exception)Activator.CreateInstance(errorType)!;
        var calls = 0;

        var thrown = Assert.Throws(errorType, () => NewRetry(time).Run("ReportAsync", () =>
        {
            calls++;
            return Task.FromException(error);
        }));

        Assert.Same(error, thrown);
        Assert.Equal(1, calls);
        Assert.False(time.Timers.TryPeek(out _));
    }

    [Fact]
    public async Task Run_ErrorsPastTheBudget_ThrowsTheLastErrorWithEveryWaitInsideTheBudget()
    {
        var time = new TimerSignallingTimeProvider();
        var errors = new List<Exception>();
        var retry = NewRetry(time);

        var run = Task.Run(() => retry.Run("ReportWindowAsync", () =>
        {
            var error = new TimeoutException($"attempt {errors.Count + 1}");
            errors.Add(error);
            return Task.FromException(error);
        }));
        var waits = await time.DriveAsync(run);

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => run);
        Assert.Same(errors[^1], thrown);
        Assert.Equal(errors.Count - 1, waits.Count);
        // 0.5 s doubling, capped at 5 s: a 60 s budget needs well over 5 retries, and no wait may end past it.
        Assert.True(waits.Count > 5, $"only {waits.Count} retries");
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        Assert.True(waits.Aggregate(TimeSpan.Zero, (a, w) => a + w) < Budget);
    }

    [Fact]
    public async Task Run_CancelledDuringTheWait_ThrowsOperationCanceledWithoutCallingAgain()
    {
        var time = new TimerSignallingTimeProvider();
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var retry = NewRetry(time, cancel.Token);

        var run = Task.Run(() => retry.Run("DecideAsync", () =>
        {
            calls++;
            return Task.FromException<int>(new TimeoutException("storage unreachable"));
        }));
        await time.Timers.WaitToReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Run_TokenAlreadyCancelled_MakesTheCallOnceAndThrowsItsError()
    {
        var time = new TimerSignallingTimeProvider();
        var calls = 0;
        var retry = NewRetry(time, new CancellationToken(canceled: true));

        Assert.Equal(7, retry.Run("DecideAsync", () => Task.FromResult(++calls + 6)));
        Assert.Throws<TimeoutException>(() => retry.Run("ReportAsync", () =>
        {
            calls++;
            return Task.FromException(new TimeoutException("silo gone"));
        }));
        Assert.Equal(2, calls);
        Assert.False(time.Timers.TryPeek(out _));
    }

    private static GrainCallRetry NewRetry(TimeProvider time, CancellationToken cancellationToken = default) =>
        new("exp/0", Budget, cancellationToken, NullLogger.Instance, time);
}
