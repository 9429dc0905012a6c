using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// Retries a training thread's grain call while the cluster heals (docs/durability.md): a silo that died mid-call, a grain
/// being re-activated elsewhere, storage briefly unreachable. Backoff 0.5 s doubling to 5 s, for at most
/// <see cref="TrainingOptions.GrainCallRetrySeconds"/>; then the last error fails the child. Safe because every call it
/// wraps is idempotent: a decision for a window is a pure function of the policy version and the window's random
/// stream, and a re-sent report is refused as a duplicate by the coordinator and replaces itself at the child grain.
/// Argument errors (a bug or bad input, not a fault) are not retried.
/// </summary>
internal sealed class GrainCallRetry(string childId, TimeSpan budget, CancellationToken cancellationToken, ILogger logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="call"/> on the calling (training) thread until it succeeds or the budget is spent.</summary>
    public T Run<T>(string name, Func<Task<T>> call)
    {
        var started = DateTime.UtcNow;
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return call().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested
                && DateTime.UtcNow - started + delay < budget)
            {
                Log.GrainCallRetry(logger, ex, name, childId, attempt, delay.TotalSeconds);
                cancellationToken.WaitHandle.WaitOne(delay);
                cancellationToken.ThrowIfCancellationRequested();
                delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
            }
        }
    }

    /// <summary>Runs a call without a result.</summary>
    public void Run(string name, Func<Task> call) => Run(name, async () =>
    {
        await call();
        return true;
    });

    private static bool IsTransient(Exception ex) => ex is not (ArgumentException or InvalidOperationException or OperationCanceledException);
}
