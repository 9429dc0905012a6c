using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Grains.Persistence;
using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Children;

/// <summary>
/// The control plane of one child's run (key = "{experimentId}/{index}"): hands the job to the silo's
/// <see cref="TrainingWorker"/> and returns at once; the training thread reports windows and the end back here.
/// Status and cancel interleave with everything and never wait for training. Its job is stored once, at start; its record
/// (state, windows, end) at every change (docs/durability.md); an activation that finds an unfinished record resumes the training from the
/// child's last checkpoint: the process or silo that trained it is gone (a live one keeps this activation alive).
/// </summary>
[Placement.SlotPlacement]
public sealed class ChildTrainerGrain(
    [PersistentState("child", AdaptiveLossStorage.Name)] IPersistentState<Stored<ChildRecord>> stored,
    [PersistentState("child-job", AdaptiveLossStorage.Name)] IPersistentState<Stored<ChildJob>> storedJob,
    TrainingWorker worker, ILogger<ChildTrainerGrain> logger) : Grain, IChildTrainerGrain
{
    private readonly WindowLog _windows = new();
    private readonly CancellationTokenSource _cancellation = new();
    private ChildState _state = ChildState.Idle;
    private ChildJob? _job;
    private ChildOutcome? _outcome;
    private string? _error;
    private IGrainTimer? _keepAlive;
    // True when this activation started (or resumed) the run the worker holds: only then may its deactivation stop it.
    // A duplicate activation that found the run held by another one must not interrupt it when Orleans removes it.
    private bool _ownsRun;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The job is written before the first record, so a record always has one (inline in records from before the split).
        if (stored.State.Value is { } record && (storedJob.State.Value ?? record.Job) is { } job)
        {
            (_job, _state, _outcome, _error) = (job, record.State, record.Outcome, record.Error);
            _windows.Restore(record.Windows, record.Revision);
            if (!_state.HasEnded())
            {
                Log.ChildResumed(logger, this.GetPrimaryKeyString(), _state, _windows.Count);
                try
                {
                    // Resume, not Start: the previous activation on this silo may have gone a moment ago, its
                    // interrupted thread still finishing; the new run then follows it instead of being lost.
                    _ownsRun = worker.Resume(job, _cancellation.Token);
                    _keepAlive = KeepAlive.Register(this);
                }
                catch (InvalidOperationException ex)
                {
                    // The silo is stopping: the record stays unfinished and the next activation resumes it.
                    Log.ChildResumeDeferred(logger, ex, this.GetPrimaryKeyString());
                }
            }
        }

        return base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task StartAsync(ChildJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (ChildKeys.ChildId(job) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"job for child {ChildKeys.ChildId(job)} sent to child {this.GetPrimaryKeyString()}", nameof(job));
        }

        if (_state != ChildState.Idle)
        {
            _ = _state.HasEnded() ? throw new InvalidOperationException($"child {this.GetPrimaryKeyString()} already ended ({_state})") : 0;
            return;
        }

        // A cancel that came first still goes through the worker, which reports it as the end of the run. The training
        // thread does not inherit this call's context: its spans get this call's span as their parent explicitly.
        worker.Start(job, _cancellation.Token, Activity.Current?.Context ?? default);
        (_job, _state, _ownsRun) = (job, ChildState.Queued, true);
        _keepAlive = KeepAlive.Register(this);
        storedJob.State.Value = job;
        await storedJob.WriteStateAsync();
        await SaveAsync();
    }

    /// <inheritdoc/>
    public Task<ChildStatus> GetStatusAsync() => Task.FromResult(Status(CurrentState, _windows.All));

    /// <inheritdoc/>
    public Task<ChildStatus> GetStatusSinceAsync(long revision) => Task.FromResult(Status(CurrentState, _windows.Since(revision)));

    /// <inheritdoc/>
    public Task CancelAsync() => _cancellation.CancelAsync();

    /// <inheritdoc/>
    public async Task ReportWindowAsync(WindowReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _windows.Record(WindowSummaries.From(report));
        _state = _state == ChildState.Queued ? ChildState.Running : _state;
        await SaveAsync();
    }

    /// <inheritdoc/>
    public async Task ReportEndAsync(ChildState state, ChildOutcome? outcome, string? error)
    {
        if (!state.HasEnded())
        {
            throw new ArgumentException($"a run ends Completed, Failed or Cancelled, not {state}", nameof(state));
        }

        if (_state.HasEnded() || _job is null)
        {
            return;
        }

        (_state, _outcome, _error) = (state, outcome, error);
        _keepAlive?.Dispose();
        _keepAlive = null;
        await SaveAsync();
        Log.ChildEnded(logger, this.GetPrimaryKeyString(), state, _windows.Count, error);
        await NotifyEndAsync(_job);
    }

    /// <inheritdoc/>
    public async Task ForgetAsync()
    {
        if (_state is ChildState.Queued or ChildState.Running)
        {
            throw new InvalidOperationException($"child {this.GetPrimaryKeyString()} is still training");
        }

        worker.DeleteCheckpoint(this.GetPrimaryKeyString());
        (_job, _state, _outcome, _error) = (null, ChildState.Idle, null, null);
        _windows.Clear();
        await stored.ClearStateAsync();
        await storedJob.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>
    /// An activation that goes away (silo shutdown) interrupts its training: nobody would hear its reports. The record
    /// stays unfinished, so the next activation (on this silo after a restart, or on another one) resumes it.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_ownsRun)
        {
            worker.Interrupt(this.GetPrimaryKeyString());
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    // The worker knows when a queued child got its slot; the grain learns it only from the first window.
    private ChildState CurrentState =>
        _state == ChildState.Queued && worker.IsRunning(this.GetPrimaryKeyString()) ? ChildState.Running : _state;

    private ChildStatus Status(ChildState state, IReadOnlyList<WindowSummary> windows) =>
        new(this.GetPrimaryKeyString(), state, windows, _outcome, _error, _windows.Revision);

    private async Task SaveAsync()
    {
        stored.State.Value = _job is null ? null : new ChildRecord(_state, _windows.All, _outcome, _error, _windows.Revision);
        await stored.WriteStateAsync();
    }

    // The coordinator first: once the experiment sees its last child end, every round of the shared policy is closed.
    private async Task NotifyEndAsync(ChildJob job)
    {
        var childId = this.GetPrimaryKeyString();
        try
        {
            await GrainFactory.GetGrain<ICoordinatorGrain>(job.PolicyId).LeaveChildAsync(childId, job.Settings.Siblings);
        }
        catch (Exception ex)
        {
            Log.NotifyFailed(logger, ex, childId, job.PolicyId);
        }

        try
        {
            await GrainFactory.GetGrain<IExperimentGrain>(job.ExperimentId).ChildEndedAsync(Status(_state, _windows.All));
        }
        catch (Exception ex)
        {
            Log.NotifyFailed(logger, ex, childId, job.ExperimentId);
        }
    }
}
