using System.Diagnostics;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>Polls grain state until a condition holds or a deadline passes (observing state, not synchronising on time).</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds} s; last value: {Describe(value)}");
            }

            await Task.Delay(25);
        }
    }

    private static string Describe<T>(T value) => value is ExperimentStatus status
        ? $"{status.State} [{string.Join(", ", status.Children.Select(c => $"{c.ChildId} {c.State} {c.Windows.Count} windows {c.Error}"))}]"
        : $"{value}";
}
