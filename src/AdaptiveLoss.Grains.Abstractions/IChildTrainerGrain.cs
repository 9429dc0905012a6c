using Orleans.Concurrency;
using AdaptiveLoss.Core.Children;

namespace AdaptiveLoss.Grains;

/// <summary>
/// Owns one child's training run (key = "{experimentId}/{index}"). Training runs on a dedicated thread of the silo's
/// training worker, never on the grain scheduler; this grain is the control plane: start, status, cancel.
/// </summary>
public interface IChildTrainerGrain : IGrainWithStringKey
{
    /// <summary>Hands the job to the silo's training worker and returns at once.</summary>
    Task StartAsync(ChildJob job);

    /// <summary>The child's state and every window; answers while it trains.</summary>
    [AlwaysInterleave]
    Task<ChildStatus> GetStatusAsync();

    /// <summary>The child's state with only the windows reported after <paramref name="revision"/> (<see cref="ChildStatus.Revision"/>).</summary>
    [AlwaysInterleave]
    Task<ChildStatus> GetStatusSinceAsync(long revision);

    /// <summary>Asks the training thread to stop at its next batch.</summary>
    [AlwaysInterleave]
    Task CancelAsync();

    /// <summary>Progress from the training thread: the end of a window.</summary>
    Task ReportWindowAsync(WindowReport report);

    /// <summary>The end of the run, from the training thread: an outcome, or an error, or a cancellation.</summary>
    Task ReportEndAsync(ChildState state, ChildOutcome? outcome, string? error);

    /// <summary>
    /// Forgets an ended child (its stored record and checkpoint), so that an experiment id can be run again from
    /// scratch; refused while the child trains.
    /// </summary>
    Task ForgetAsync();
}
