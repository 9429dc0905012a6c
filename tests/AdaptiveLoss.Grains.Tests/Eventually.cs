using System.Diagnostics;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// Polls until a condition holds or a deadline passes (observing state, not synchronising on time). Only for what
/// offers no event to await: a child's Queued/Running state (grain state only), the worker releasing a run after it
/// returned, a completed child's checkpoint folder being deleted. An experiment's end is awaited with
/// <see cref="ExperimentEnds"/>, runs entering a fake runner with its own signals, spans with listener callbacks.
/// </summary>
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
