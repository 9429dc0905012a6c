using AdaptiveLoss.Core.Options;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains;

/// <summary>The grains' log messages (style §10): one per experiment, child, round or failure, never per batch.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Experiment {ExperimentId} started: {Children} children, policy {PolicyId}, options {Options}")]
    public static partial void ExperimentStarted(ILogger logger, string experimentId, int children, string policyId, ExperimentOptions options);

    [LoggerMessage(2, LogLevel.Information, "Experiment {ExperimentId} cancelling")]
    public static partial void ExperimentCancelling(ILogger logger, string experimentId);

    [LoggerMessage(3, LogLevel.Information, "Experiment {ExperimentId} ended {State} after {ElapsedSeconds:F1} s")]
    public static partial void ExperimentEnded(ILogger logger, string experimentId, ExperimentState state, double elapsedSeconds);

    [LoggerMessage(4, LogLevel.Error, "Child {ChildId} could not be started")]
    public static partial void ChildStartFailed(ILogger logger, Exception exception, string childId);

    [LoggerMessage(5, LogLevel.Information, "Child {ChildId} ended {State} after {Windows} windows {Error}")]
    public static partial void ChildEnded(ILogger logger, string childId, ChildState state, int windows, string? error);

    [LoggerMessage(6, LogLevel.Warning, "Child {ChildId} could not notify {Target} of its end")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string childId, string target);

    [LoggerMessage(10, LogLevel.Information, "Policy {PolicyId} created: {FeatureCount} features, learning {Learning}")]
    public static partial void PolicyCreated(ILogger logger, string policyId, int featureCount, bool learning);

    [LoggerMessage(11, LogLevel.Information,
        "Policy {PolicyId} round {Round} closed: version {Version}, {Transitions} transitions, mean reward {MeanReward:F3}, timed out {TimedOut}, updated {Updated}")]
    public static partial void RoundClosed(ILogger logger, string policyId, int round, long version, int transitions, double meanReward, bool timedOut, bool updated);

    [LoggerMessage(12, LogLevel.Warning, "Policy {PolicyId} ignored a duplicate transition of child {ChildId} window {Window}")]
    public static partial void DuplicateTransition(ILogger logger, string policyId, string childId, int window);

    [LoggerMessage(13, LogLevel.Warning, "Policy {PolicyId} discarded child {ChildId} window {Window}: {Reason}")]
    public static partial void TransitionDiscarded(ILogger logger, string policyId, string childId, int window, string? reason);

    [LoggerMessage(20, LogLevel.Information, "Child {ChildId} queued: {Queued} waiting for a training slot")]
    public static partial void ChildQueued(ILogger logger, string childId, int queued);

    [LoggerMessage(21, LogLevel.Information, "Child {ChildId} training (seed {Seed}, {Running} running)")]
    public static partial void ChildRunStarted(ILogger logger, string childId, int seed, int running);

    [LoggerMessage(22, LogLevel.Information, "Child {ChildId} training ended {State} after {ElapsedSeconds:F1} s")]
    public static partial void ChildRunEnded(ILogger logger, string childId, ChildState state, double elapsedSeconds);

    [LoggerMessage(23, LogLevel.Error, "Child {ChildId} failed")]
    public static partial void ChildRunFailed(ILogger logger, Exception exception, string childId);

    [LoggerMessage(24, LogLevel.Error, "Child {ChildId} could not report its end ({State})")]
    public static partial void ReportEndFailed(ILogger logger, Exception exception, string childId, ChildState state);

    [LoggerMessage(25, LogLevel.Warning, "Could not set the compute threads")]
    public static partial void ConfigureThreadsFailed(ILogger logger, Exception exception);

    [LoggerMessage(26, LogLevel.Information, "Training worker stopped: {Threads} threads, all joined {Joined}")]
    public static partial void WorkerStopped(ILogger logger, int threads, bool joined);

    [LoggerMessage(40, LogLevel.Information, "Policy {PolicyId} starts from snapshot {FromPolicy} (learning {Learning})")]
    public static partial void PolicyLoaded(ILogger logger, string policyId, string fromPolicy, bool learning);

    [LoggerMessage(41, LogLevel.Information, "Policy {PolicyId} snapshot version {Version} saved to {Path}")]
    public static partial void SnapshotSaved(ILogger logger, string policyId, long version, string path);

    [LoggerMessage(42, LogLevel.Warning, "Policy {PolicyId} snapshot version {Version} not saved under {StateDirectory}; the run goes on")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception, string policyId, long version, string stateDirectory);

    [LoggerMessage(50, LogLevel.Information, "Experiment {ExperimentId} resumed from storage: {Ended} of {Children} children had ended")]
    public static partial void ExperimentResumed(ILogger logger, string experimentId, int ended, int children);

    [LoggerMessage(51, LogLevel.Warning, "Child {ChildId} did not answer the experiment's watch; asking again")]
    public static partial void ChildWatchFailed(ILogger logger, Exception exception, string childId);

    [LoggerMessage(52, LogLevel.Information, "Child {ChildId} resumed from storage ({State}, {Windows} windows reported)")]
    public static partial void ChildResumed(ILogger logger, string childId, ChildState state, int windows);

    [LoggerMessage(53, LogLevel.Information, "Policy {PolicyId} restored from storage: version {Version}, {Rounds} rounds, {Live} live children, {Pending} pending")]
    public static partial void PolicyRestored(ILogger logger, string policyId, long version, int rounds, int live, int pending);

    [LoggerMessage(54, LogLevel.Information, "Child {ChildId} interrupted by its silo; it resumes from its checkpoint when re-activated")]
    public static partial void ChildRunInterrupted(ILogger logger, string childId);

    [LoggerMessage(70, LogLevel.Warning, "TensorBoard events of child {ChildId} no longer written; the run goes on")]
    public static partial void TensorBoardNotWritten(ILogger logger, Exception exception, string childId);

    [LoggerMessage(55, LogLevel.Warning, "Grain call {Call} of child {ChildId} failed (attempt {Attempt}); retrying in {DelaySeconds} s")]
    public static partial void GrainCallRetry(ILogger logger, Exception exception, string call, string childId, int attempt, double delaySeconds);

    [LoggerMessage(56, LogLevel.Warning, "Checkpoint of completed child {ChildId} not deleted")]
    public static partial void CheckpointNotDeleted(ILogger logger, Exception exception, string childId);

    [LoggerMessage(57, LogLevel.Warning, "Child {ChildId} not resumed on this activation")]
    public static partial void ChildResumeDeferred(ILogger logger, Exception exception, string childId);

    [LoggerMessage(58, LogLevel.Warning, "Policy {PolicyId}: documents the record no longer needs were left in storage")]
    public static partial void DocumentsNotDeleted(ILogger logger, Exception exception, string policyId);
}
