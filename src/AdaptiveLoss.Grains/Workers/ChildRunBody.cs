using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Training;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// What a child's dedicated thread does: run the child through the grain controller, then report the end (completed,
/// failed with a one-line error, or cancelled) to its grain. Never throws: a training thread must not crash the silo.
/// A run interrupted by its silo (shutdown, or its grain deactivated) reports nothing: it resumes elsewhere. A completed
/// run's checkpoint is deleted once its end is stored: it will never be resumed.
/// </summary>
internal sealed class ChildRunBody(IGrainFactory grains, IChildRunner runner, TrainingOptions options, ILogger logger, TimeProvider time,
    DecisionBatcher decisions)
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownReportTimeout = TimeSpan.FromSeconds(2);

    public void Run(ChildRunEntry entry, int running, CancellationToken shutdown)
    {
        // The child's span covers its windows and its end report; this dedicated thread has no other activity.
        using var activity = ChildRunTelemetry.Start(entry);
        var watch = Stopwatch.StartNew();
        var (state, outcome, error) = Execute(entry, running, activity);
        if (state != ChildState.Completed && (entry.Interrupted || shutdown.IsCancellationRequested))
        {
            Log.ChildRunInterrupted(logger, entry.ChildId);
            ChildRunTelemetry.End(activity, ChildState.Cancelled, null);
            return;
        }

        Log.ChildRunEnded(logger, entry.ChildId, state, watch.Elapsed.TotalSeconds);
        if (ReportEnd(entry, state, outcome, error, shutdown.IsCancellationRequested ? ShutdownReportTimeout : ReportTimeout)
            && state == ChildState.Completed)
        {
            DeleteCheckpoint(entry.ChildId);
        }

        ChildRunTelemetry.End(activity, state, outcome);
    }

    private (ChildState State, ChildOutcome? Outcome, string? Error) Execute(ChildRunEntry entry, int running, Activity? activity)
    {
        if (entry.Token.IsCancellationRequested)
        {
            return (ChildState.Cancelled, null, null);
        }

        var job = entry.Job;
        var child = grains.GetGrain<IChildTrainerGrain>(entry.ChildId);
        using var events = ChildEventWriter.Open(entry, logger);
        var controller = new GrainChildController(grains.GetGrain<ICoordinatorGrain>(job.PolicyId), child,
            new GrainCallRetry(entry.ChildId, TimeSpan.FromSeconds(options.GrainCallRetrySeconds), entry.Token, logger, time), events, decisions);
        Log.ChildRunStarted(logger, entry.ChildId, job.Seed, running);
        try
        {
            var outcome = runner.Run(new ChildSpec(entry.ChildId, job.Index, job.Seed, job.Settings), controller, entry.Token);
            return (ChildState.Completed, outcome, null);
        }
        catch (Exception) when (entry.Token.IsCancellationRequested)
        {
            // Whatever surfaced after a cancel (the trainer's OperationCanceledException, or a grain call refused by a
            // stopping silo) is the cancellation, not a failure of the child.
            return (ChildState.Cancelled, null, null);
        }
        catch (Exception ex)
        {
            Log.ChildRunFailed(logger, ex, entry.ChildId);
            AdaptiveLossTelemetry.RecordError(activity, ex);
            return (ChildState.Failed, null, ErrorText.OneLine(ex));
        }
    }

    private bool ReportEnd(ChildRunEntry entry, ChildState state, ChildOutcome? outcome, string? error, TimeSpan timeout)
    {
        try
        {
            grains.GetGrain<IChildTrainerGrain>(entry.ChildId).ReportEndAsync(state, outcome, error)
                .WaitAsync(timeout).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception ex)
        {
            Log.ReportEndFailed(logger, ex, entry.ChildId, state);
            return false;
        }
    }

    private void DeleteCheckpoint(string childId)
    {
        try
        {
            TorchChildRunner.DeleteCheckpointFolder(options.CheckpointRoot, childId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CheckpointNotDeleted(logger, ex, childId);
        }
    }
}
