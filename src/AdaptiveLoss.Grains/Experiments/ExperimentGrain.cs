using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Persistence;
using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Experiments;

/// <summary>
/// One experiment (key = experiment id): validates the options, registers the children with the shared policy,
/// starts them and tracks their ends. Thin: the bookkeeping is <see cref="ExperimentProgress"/>. Its record is stored
/// (docs/durability.md); while it runs a watch timer asks every unfinished child for its status, which re-activates (and so
/// resumes) a child whose silo or process was lost, and catches an end notification that never arrived.
/// </summary>
public sealed class ExperimentGrain(
    [PersistentState("experiment", AdaptiveLossStorage.Name)] IPersistentState<Stored<ExperimentRecord>> stored,
    ILogger<ExperimentGrain> logger, TimeProvider time, IOptions<TrainingOptions> training, IChildRunner runner) : Grain, IExperimentGrain
{
    private ExperimentProgress? _progress;
    private IGrainTimer? _watch;

    /// <summary>A stored, unfinished experiment continues: its watch timer wakes its children at once.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Value is { } record)
        {
            _progress = ExperimentProgress.Restore(this.GetPrimaryKeyString(), record);
            if (_progress.State == ExperimentState.Running)
            {
                Log.ExperimentResumed(logger, this.GetPrimaryKeyString(), record.Ended.Length, _progress.ChildIds.Count);
                StartWatch(TimeSpan.Zero);
            }
        }

        return base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task StartAsync(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var first, ..])
        {
            throw new InvalidOptionsException(first);
        }

        // The client checked its own data folder; this silo reads its own (docs/cluster.md), so it is checked here too,
        // off the grain's scheduler (it reads headers and labels from disk).
        var settings = options.ChildSettings();
        var data = await Task.Run(() => runner.CheckData(settings));
        if (data.Problem is { } problem)
        {
            throw new InvalidOptionsException(new ValidationError(nameof(ExperimentOptions.DataDirectory), ": " + problem));
        }

        if (data.WindowBudget(settings, options.Children) is { } budget)
        {
            throw new InvalidOptionsException(budget);
        }

        var id = this.GetPrimaryKeyString();
        switch (_progress?.State)
        {
            case ExperimentState.Running:
                throw new ArgumentException(
                    $"experiment {id} was started before and has not ended: continue it with `ala resume {id}`, or choose another --experiment-id");
            case not null:
                // A finished experiment with this id: start afresh, forgetting its children, checkpoints and own policy.
                await ForgetAsync(_progress);
                break;
        }

        var progress = _progress = new ExperimentProgress(id, options, time.GetUtcNow());
        Log.ExperimentStarted(logger, id, options.Children, progress.PolicyId, options);
        await JoinCoordinatorAsync(progress);
        await SaveAsync();
        StartWatch(WatchPeriod);
        // In index order: where slots are limited, children queue (and so train) in that order.
        for (var index = 0; index < progress.ChildIds.Count; index++)
        {
            await StartChildAsync(progress, progress.ChildIds[index], index);
        }
    }

    /// <inheritdoc/>
    public Task<ExperimentStatus> GetStatusAsync() => StatusAsync(cursor: null);

    /// <inheritdoc/>
    public Task<ExperimentStatus> GetStatusSinceAsync(StatusCursor cursor) =>
        StatusAsync(cursor ?? throw new ArgumentNullException(nameof(cursor)));

    /// <inheritdoc/>
    public async Task CancelAsync()
    {
        if (_progress is not { State: ExperimentState.Running } progress)
        {
            return;
        }

        progress.Cancel();
        Log.ExperimentCancelling(logger, this.GetPrimaryKeyString());
        await Task.WhenAll(progress.ChildIds.Where(id => !progress.IsEnded(id)).Select(id => Child(id).CancelAsync()));
    }

    /// <inheritdoc/>
    public async Task ChildEndedAsync(ChildStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (_progress is not { } progress || progress.IsEnded(status.ChildId))
        {
            return;
        }

        var last = progress.ChildEnded(status, time.GetUtcNow());
        await SaveAsync();
        if (last)
        {
            _watch?.Dispose();
            _watch = null;
            Log.ExperimentEnded(logger, this.GetPrimaryKeyString(), progress.State, progress.ElapsedSeconds(time.GetUtcNow()));
        }
    }

    /// <inheritdoc/>
    public Task<PolicySummary> GetPolicySummaryAsync() =>
        GrainFactory.GetGrain<ICoordinatorGrain>(_progress?.PolicyId ?? this.GetPrimaryKeyString()).GetSummaryAsync();

    /// <inheritdoc/>
    public Task<ExperimentOptions?> GetOptionsAsync() => Task.FromResult(_progress?.Options);

    // The whole status, or with a cursor only the windows after it.
    private async Task<ExperimentStatus> StatusAsync(StatusCursor? cursor)
    {
        var id = this.GetPrimaryKeyString();
        if (_progress is not { } progress)
        {
            return new ExperimentStatus(id, ExperimentState.Idle, [], 0);
        }

        // GetStatusAsync interleaves with ChildEndedAsync: read the state before awaiting the children, so that a
        // status that says Completed never carries a child fetched while it still ran (children only move forward).
        var state = progress.State;
        var elapsed = progress.ElapsedSeconds(time.GetUtcNow());
        var children = await Task.WhenAll(progress.ChildIds.Select((childId, index) =>
            ChildStatusAsync(progress, childId, cursor is null ? null : cursor.Seen(index))));
        return new ExperimentStatus(id, state, children, elapsed);
    }

    // An ended child answers from the experiment's record; a running one is asked, for all its windows or those after the cursor.
    private Task<ChildStatus> ChildStatusAsync(ExperimentProgress progress, string childId, long? seen) => progress.Ended(childId) is { } ended
        ? Task.FromResult(seen is { } revision ? ExperimentProgress.Since(ended, revision) : ended)
        : seen is { } after ? Child(childId).GetStatusSinceAsync(after) : Child(childId).GetStatusAsync();

    private TimeSpan WatchPeriod => TimeSpan.FromSeconds(Math.Max(0.05, training.Value.ChildWatchSeconds));

    private IChildTrainerGrain Child(string childId) => GrainFactory.GetGrain<IChildTrainerGrain>(childId);

    private async Task SaveAsync()
    {
        stored.State.Value = _progress?.Export();
        await stored.WriteStateAsync();
    }

    // Keeps the activation alive while children train (peers §4a.3) and wakes every unfinished child: a call to a
    // child whose silo died activates it elsewhere, where it resumes from its checkpoint (ChildTrainerGrain).
    private void StartWatch(TimeSpan due) =>
        _watch ??= this.RegisterGrainTimer(WatchChildrenAsync, new GrainTimerCreationOptions(due, WatchPeriod) { KeepAlive = true });

    private async Task WatchChildrenAsync(CancellationToken cancellationToken)
    {
        if (_progress is not { State: ExperimentState.Running } progress)
        {
            return;
        }

        foreach (var childId in progress.ChildIds.Where(id => !progress.IsEnded(id)))
        {
            try
            {
                // No windows in the tick's answer: a run's windows are fetched once, when it has ended.
                var child = Child(childId);
                if ((await child.GetStatusSinceAsync(long.MaxValue)).State.HasEnded())
                {
                    await ChildEndedAsync(await child.GetStatusAsync());
                }
            }
            catch (Exception ex)
            {
                // A silo that just died answers with an error until the cluster declares it dead: try again next tick.
                Log.ChildWatchFailed(logger, ex, childId);
            }
        }
    }

    private async Task ForgetAsync(ExperimentProgress previous)
    {
        await Task.WhenAll(previous.ChildIds.Select(id => Child(id).ForgetAsync()));
        if (previous.Options.PolicyId is null)
        {
            await GrainFactory.GetGrain<ICoordinatorGrain>(previous.PolicyId).ForgetAsync();
        }

        _progress = null;
    }

    private async Task JoinCoordinatorAsync(ExperimentProgress progress)
    {
        try
        {
            var options = progress.Options;
            await GrainFactory.GetGrain<ICoordinatorGrain>(progress.PolicyId)
                .JoinAsync(this.GetPrimaryKeyString(), options, ExperimentProgress.FeatureCount(options), progress.ChildIds);
        }
        catch
        {
            // Nothing started: the experiment may be started again with other options.
            _progress = null;
            throw;
        }
    }

    // A child that cannot be started counts as failed, so the experiment still ends.
    private async Task StartChildAsync(ExperimentProgress progress, string childId, int index)
    {
        try
        {
            // The child's placement reads the device to pick a silo that offers it (Placement/SlotPlacement).
            RequestContext.Set(Placement.SlotPlacement.DeviceKey, progress.ChildSettings.Device);
            // The child's seed is derived here, so its settings carry only the data seed (ChildSettings.DataSeed).
            var job = new ChildJob(this.GetPrimaryKeyString(), index, progress.Options.Seed + index, progress.PolicyId, progress.ChildSettings);
            await Child(childId).StartAsync(job);
        }
        catch (Exception ex)
        {
            Log.ChildStartFailed(logger, ex, childId);
            await GrainFactory.GetGrain<ICoordinatorGrain>(progress.PolicyId).LeaveChildAsync(childId, progress.ChildSettings.Siblings);
            await ChildEndedAsync(new ChildStatus(childId, ChildState.Failed, [], null, ErrorText.OneLine(ex)));
        }
    }
}
