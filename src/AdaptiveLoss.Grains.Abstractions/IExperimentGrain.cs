using Orleans.Concurrency;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains;

/// <summary>One experiment (key = experiment id): starts its children, tracks them, and ends when all have ended.</summary>
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Validates the options, registers the children with the coordinator and starts them; returns at once.</summary>
    /// <exception cref="InvalidOptionsException">Invalid options (names the setting).</exception>
    /// <exception cref="ArgumentException">The experiment is running already.</exception>
    Task StartAsync(ExperimentOptions options);

    /// <summary>State of the experiment and every child; answers while children train.</summary>
    [AlwaysInterleave]
    Task<ExperimentStatus> GetStatusAsync();

    /// <summary>
    /// The experiment's state and every child's scalars (state, outcome, error, revision), with only the windows
    /// reported after <paramref name="cursor"/>: what a watcher polls (it keeps the windows it was given).
    /// </summary>
    [AlwaysInterleave]
    Task<ExperimentStatus> GetStatusSinceAsync(StatusCursor cursor);

    /// <summary>Cancels every child; they stop at their next batch.</summary>
    [AlwaysInterleave]
    Task CancelAsync();

    /// <summary>Called by a child grain when its run ended (completed, failed or cancelled).</summary>
    Task ChildEndedAsync(ChildStatus status);

    /// <summary>The shared policy's summary (version, updates, transitions, rewards).</summary>
    Task<PolicySummary> GetPolicySummaryAsync();

    /// <summary>The options the experiment was started with.</summary>
    Task<ExperimentOptions?> GetOptionsAsync();
}
