using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Children;

/// <summary>
/// The control plane of one child's run (key = "{experimentId}/{index}"): hands the job to the silo's
/// <see cref="TrainingWorker"/> and returns at once; the training thread reports windows and the end back here.
/// Status and cancel interleave with everything and never wait for training.
/// </summary>
[Placement.SlotPlacement]
public sealed class ChildTrainerGrain(TrainingWorker worker, ILogger<ChildTrainerGrain> logger) : Grain, IChildTrainerGrain
{
    private readonly List<WindowSummary> _windows = [];
    private readonly CancellationTokenSource _cancellation = new();
    private ChildState _state = ChildState.Idle;
    private ChildJob? _job;
    private ChildOutcome? _outcome;
    private string? _error;
    private IGrainTimer? _keepAlive;

    /// <inheritdoc/>
    public Task StartAsync(ChildJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (ChildKeys.ChildId(job) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"job for child {ChildKeys.ChildId(job)} sent to child {this.GetPrimaryKeyString()}", nameof(job));
        }

        if (_state != ChildState.Idle)
        {
            return IsEnded(_state)
                ? throw new InvalidOperationException($"child {this.GetPrimaryKeyString()} already ended ({_state})")
                : Task.CompletedTask;
        }

        // A cancel that came first still goes through the worker, which reports it as the end of the run. The training
        // thread does not inherit this call's context: its spans get this call's span as their parent explicitly.
        worker.Start(job, _cancellation.Token, Activity.Current?.Context ?? default);
        (_job, _state) = (job, ChildState.Queued);
        _keepAlive = KeepAlive.Register(this);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<ChildStatus> GetStatusAsync()
    {
        // The worker knows when a queued child got its slot; the grain learns it only from the first window.
        var state = _state == ChildState.Queued && worker.IsRunning(this.GetPrimaryKeyString()) ? ChildState.Running : _state;
        return Task.FromResult(Status(state));
    }

    /// <inheritdoc/>
    public Task CancelAsync() => _cancellation.CancelAsync();

    /// <inheritdoc/>
    public Task ReportWindowAsync(WindowReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _windows.Add(new WindowSummary(report.Window, report.Epoch, report.Iteration, report.TotalIterations, report.WindowMetric,
            report.ValidationError, report.Reward, report.PolicyVersion, report.TrainLoss, report.ImagesPerSecond,
            report.Phi.NormFromIdentity, report.Discarded ? report.DiscardReason ?? "discarded" : null, CountActions(report.Actions)));
        _state = _state == ChildState.Queued ? ChildState.Running : _state;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task ReportEndAsync(ChildState state, ChildOutcome? outcome, string? error)
    {
        if (!IsEnded(state))
        {
            throw new ArgumentException($"a run ends Completed, Failed or Cancelled, not {state}", nameof(state));
        }

        if (IsEnded(_state) || _job is null)
        {
            return;
        }

        (_state, _outcome, _error) = (state, outcome, error);
        _keepAlive?.Dispose();
        _keepAlive = null;
        Log.ChildEnded(logger, this.GetPrimaryKeyString(), state, _windows.Count, error);
        await NotifyEndAsync(_job);
    }

    /// <summary>An activation that goes away (silo shutdown) stops its training: nobody would hear its reports.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _cancellation.Cancel();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Histogram of a decision's action indices (ActionSet: 0 = −β, 1 = 0, 2 = +β) for the run history.</summary>
    internal static int[] CountActions(IReadOnlyList<int> actions)
    {
        var counts = new int[ActionSet.Count];
        foreach (var action in actions)
        {
            // An index outside the set would be a bug upstream; ActionSet.Delta already rejects it when Φ moves.
            if ((uint)action < ActionSet.Count)
            {
                counts[action]++;
            }
        }

        return counts;
    }

    private static bool IsEnded(ChildState state) => state is ChildState.Completed or ChildState.Failed or ChildState.Cancelled;

    private ChildStatus Status(ChildState state) => new(this.GetPrimaryKeyString(), state, _windows.ToArray(), _outcome, _error);

    // The coordinator first: once the experiment sees its last child end, every round of the shared policy is closed.
    private async Task NotifyEndAsync(ChildJob job)
    {
        var childId = this.GetPrimaryKeyString();
        try
        {
            await GrainFactory.GetGrain<ICoordinatorGrain>(job.PolicyId).LeaveAsync(childId);
        }
        catch (Exception ex)
        {
            Log.NotifyFailed(logger, ex, childId, job.PolicyId);
        }

        try
        {
            await GrainFactory.GetGrain<IExperimentGrain>(job.ExperimentId).ChildEndedAsync(Status(_state));
        }
        catch (Exception ex)
        {
            Log.NotifyFailed(logger, ex, childId, job.ExperimentId);
        }
    }
}
