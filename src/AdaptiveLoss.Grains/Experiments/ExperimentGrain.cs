using AdaptiveLoss.Core.Options;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Experiments;

/// <summary>
/// One experiment (key = experiment id): validates the options, registers the children with the shared policy,
/// starts them and tracks their ends. Thin: the bookkeeping is <see cref="ExperimentProgress"/>.
/// </summary>
public sealed class ExperimentGrain(ILogger<ExperimentGrain> logger, TimeProvider time) : Grain, IExperimentGrain
{
    private ExperimentProgress? _progress;
    private IGrainTimer? _keepAlive;

    /// <inheritdoc/>
    public async Task StartAsync(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(options));
        }

        if (_progress is not null)
        {
            throw new InvalidOperationException($"experiment {this.GetPrimaryKeyString()} was already started; use a new id");
        }

        var progress = _progress = new ExperimentProgress(this.GetPrimaryKeyString(), options, time.GetUtcNow());
        _keepAlive = KeepAlive.Register(this);
        Log.ExperimentStarted(logger, this.GetPrimaryKeyString(), options.Children, progress.PolicyId, options);
        await JoinCoordinatorAsync(progress);
        // In index order: where slots are limited, children queue (and so train) in that order.
        for (var index = 0; index < progress.ChildIds.Count; index++)
        {
            await StartChildAsync(progress, progress.ChildIds[index], index);
        }
    }

    /// <inheritdoc/>
    public async Task<ExperimentStatus> GetStatusAsync()
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
        var children = await Task.WhenAll(progress.ChildIds.Select(childId =>
            progress.Ended(childId) is { } ended ? Task.FromResult(ended) : Child(childId).GetStatusAsync()));
        return new ExperimentStatus(id, state, children, elapsed);
    }

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
    public Task ChildEndedAsync(ChildStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (_progress is { } progress && progress.ChildEnded(status, time.GetUtcNow()))
        {
            _keepAlive?.Dispose();
            _keepAlive = null;
            Log.ExperimentEnded(logger, this.GetPrimaryKeyString(), progress.State, progress.ElapsedSeconds(time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<PolicySummary> GetPolicySummaryAsync() =>
        GrainFactory.GetGrain<ICoordinatorGrain>(_progress?.PolicyId ?? this.GetPrimaryKeyString()).GetSummaryAsync();

    /// <inheritdoc/>
    public Task<ExperimentOptions?> GetOptionsAsync() => Task.FromResult(_progress?.Options);

    private IChildTrainerGrain Child(string childId) => GrainFactory.GetGrain<IChildTrainerGrain>(childId);

    private async Task JoinCoordinatorAsync(ExperimentProgress progress)
    {
        try
        {
            var options = progress.Options;
            await GrainFactory.GetGrain<ICoordinatorGrain>(progress.PolicyId)
                .JoinAsync(options, ExperimentProgress.FeatureCount(options), progress.ChildIds);
        }
        catch
        {
            // Nothing started: the experiment may be started again with other options.
            _progress = null;
            _keepAlive?.Dispose();
            _keepAlive = null;
            throw;
        }
    }

    // A child that cannot be started counts as failed, so the experiment still ends.
    private async Task StartChildAsync(ExperimentProgress progress, string childId, int index)
    {
        var options = progress.Options;
        try
        {
            // The child's placement reads the device to pick a silo that offers it (Placement/SlotPlacement).
            RequestContext.Set(Placement.SlotPlacement.DeviceKey, options.Device);
            await Child(childId).StartAsync(new ChildJob(this.GetPrimaryKeyString(), index, options.Seed + index, progress.PolicyId, options));
        }
        catch (Exception ex)
        {
            Log.ChildStartFailed(logger, ex, childId);
            await GrainFactory.GetGrain<ICoordinatorGrain>(progress.PolicyId).LeaveAsync(childId);
            await ChildEndedAsync(new ChildStatus(childId, ChildState.Failed, [], null, Workers.ErrorText.OneLine(ex)));
        }
    }
}
