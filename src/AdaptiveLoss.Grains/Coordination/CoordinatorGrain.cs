using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;
using AdaptiveLoss.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// Hosts a shared policy (key = policy id; docs/design.md §1.4, §1.6). Every call is short and awaits no other grain, because
/// every child's training thread calls it once or twice per window. The policy lives in memory; where the silo has a
/// <see cref="PolicyStore"/> (<see cref="AdaptiveLossSiloExtensions.AddPolicySnapshots"/>) a learning policy saves a
/// snapshot every <see cref="ExperimentOptions.SnapshotEvery"/> updates and when its last child leaves. A save is one
/// ~50 KB file written synchronously (milliseconds); a failed save is logged and never fails a call.
/// The whole policy state (<see cref="CoordinatorRecord"/>) is stored after every call that changes it, before the call
/// returns (docs/durability.md): a child that heard "reported" can rely on it, and a re-sent window is refused as a duplicate.
/// </summary>
public sealed class CoordinatorGrain(
    [PersistentState("policy", AdaptiveLossStorage.Name)] IPersistentState<Stored<CoordinatorRecord>> stored,
    ILogger<CoordinatorGrain> logger, TimeProvider time, IServiceProvider services) : Grain, ICoordinatorGrain
{
    private readonly PolicyStore? _store = services.GetService<PolicyStore>();
    private readonly Orleans.Storage.IGrainStorage _storage = services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(AdaptiveLossStorage.Name);
    private SharedPolicy? _policy;
    private IGrainTimer? _roundTimer;

    /// <summary>A stored policy continues where it was: weights, memory, rounds, live children and their pending windows.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Value is { } record)
        {
            var documents = Documents;
            _policy = SharedPolicy.Restore(record, await documents.ReadChunksAsync(record.Memory.Rounds),
                await documents.ReadPendingAsync(SharedPolicy.PendingKeys(record)));
            Log.PolicyRestored(logger, this.GetPrimaryKeyString(), record.Learner.Version, record.Rounds, _policy.LiveChildren, _policy.PendingCount);
            if (_policy is not { LiveChildren: 0, PendingCount: 0 })
            {
                _roundTimer = StartRoundTimer(_policy.RoundTimeout);
            }
        }

        await base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task JoinAsync(ExperimentOptions options, int featureCount, IReadOnlyList<string> childIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(childIds);
        if (options.Validate() is [var first, ..])
        {
            throw new InvalidOptionsException(first);
        }

        if (_policy is not null && _policy.FeatureCount != featureCount)
        {
            throw new InvalidOptionsException(new ValidationError(nameof(options.HistoryLength),
                $"{options.HistoryLength} gives a child {featureCount} state features; policy {this.GetPrimaryKeyString()} has {_policy.FeatureCount}, so it cannot share it"));
        }

        if (_policy is not null && SharedPolicySettings.Mismatch(this.GetPrimaryKeyString(), _policy.Options, options) is { } mismatch)
        {
            throw new InvalidOptionsException(mismatch);
        }

        if (_policy is not null && options.InitialPolicy is { } initial && _policy.FromPolicy != initial.Reference.ToString())
        {
            // A shared policy already has weights: silently ignoring the initial policy would run something else than asked.
            throw new InvalidOptionsException(new ValidationError(nameof(options.InitialPolicy),
                $"{initial.Reference}: policy {this.GetPrimaryKeyString()} already exists (version {_policy.Version}); a snapshot only seeds a new policy"));
        }

        _policy ??= CreatePolicy(options, featureCount);
        _policy.Join(childIds);
        _roundTimer ??= StartRoundTimer(_policy.RoundTimeout);
        await SaveAsync();
    }

    /// <inheritdoc/>
    public Task<PolicyDecision> DecideAsync(string childId, int window, float[][] states)
    {
        using var activity = PolicyTelemetry.StartDecision(this.GetPrimaryKeyString(), childId, window, states?.Length ?? 0);
        try
        {
            var decision = Policy.Decide(childId, window, states!);
            PolicyTelemetry.CompleteDecision(activity, decision);
            return Task.FromResult(decision);
        }
        catch (Exception ex)
        {
            AdaptiveLossTelemetry.RecordError(activity, ex);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task ReportAsync(WindowReport report)
    {
        var result = Policy.Report(report, time.GetUtcNow());
        if (!result.Added)
        {
            Log.DuplicateTransition(logger, this.GetPrimaryKeyString(), report.ChildId, report.Window);
        }
        else if (report.Discarded)
        {
            Log.TransitionDiscarded(logger, this.GetPrimaryKeyString(), report.ChildId, report.Window, report.DiscardReason);
        }

        LogRounds(result.Closed, timedOut: false);
        // A duplicate changed nothing, but is stored anyway: its first delivery may have died with a failed write.
        await SaveAsync();
        SaveSnapshot(final: false);
    }

    /// <inheritdoc/>
    public async Task LeaveAsync(string childId)
    {
        LogRounds(Policy.Leave(childId), timedOut: false);
        await SaveAsync();
        SaveSnapshot(final: Policy is { LiveChildren: 0, PendingCount: 0 });
        StopRoundTimerWhenIdle();
    }

    /// <inheritdoc/>
    public async Task ForgetAsync()
    {
        if (_policy is { LiveChildren: > 0 })
        {
            throw new InvalidOperationException($"policy {this.GetPrimaryKeyString()} still has {_policy.LiveChildren} live children");
        }

        var chunks = _policy?.MemoryRounds ?? [];
        _policy = null;
        _roundTimer?.Dispose();
        _roundTimer = null;
        await stored.ClearStateAsync();
        foreach (var round in chunks)
        {
            await Documents.DeleteChunkAsync(round);
        }
    }

    /// <inheritdoc/>
    public Task<PolicySummary> GetSummaryAsync() =>
        Task.FromResult(_policy?.Summary(this.GetPrimaryKeyString()) ?? new PolicySummary(this.GetPrimaryKeyString(), 0, 0, 0, 0, 0, []));

    private PolicyDocuments Documents => new(_storage, this.GetPrimaryKeyString());

    // Write-once documents first (new pending transitions, new memory chunks), then the record that refers to them,
    // then the documents it no longer refers to: a crash between any two steps leaves a record whose documents all
    // exist (at worst an orphan document). See SharedPolicy.Storage.cs.
    private async Task SaveAsync()
    {
        var documents = Documents;
        if (_policy is { } policy)
        {
            foreach (var transition in policy.UnsavedPending.ToArray())
            {
                await documents.WritePendingAsync(transition);
                policy.PendingSaved(transition);
            }

            foreach (var chunk in policy.UnsavedChunks.ToArray())
            {
                await documents.WriteChunkAsync(chunk);
                policy.ChunkSaved(chunk);
            }
        }

        var (evicted, released) = (_policy?.TakeEvictedRounds() ?? [], _policy?.TakeReleasedPending() ?? []);
        stored.State.Value = _policy?.Export();
        await stored.WriteStateAsync();
        try
        {
            foreach (var round in evicted)
            {
                await documents.DeleteChunkAsync(round);
            }

            foreach (var (childId, window) in released)
            {
                await documents.DeletePendingAsync(childId, window);
            }
        }
        catch (Exception ex)
        {
            Log.DocumentsNotDeleted(logger, ex, this.GetPrimaryKeyString());
        }
    }

    private SharedPolicy Policy =>
        _policy ?? throw new InvalidOperationException($"policy {this.GetPrimaryKeyString()} has no children: call JoinAsync first");

    private SharedPolicy CreatePolicy(ExperimentOptions options, int featureCount)
    {
        var policy = new SharedPolicy(options, featureCount, this.GetPrimaryKeyString());
        Log.PolicyCreated(logger, this.GetPrimaryKeyString(), featureCount, policy.Learning);
        if (policy.FromPolicy is { } from)
        {
            Log.PolicyLoaded(logger, this.GetPrimaryKeyString(), from, policy.Learning);
        }

        return policy;
    }

    // Saves a due snapshot; the run goes on whatever happens to the file (it is a copy, not the policy's state).
    private void SaveSnapshot(bool final)
    {
        if (_store is null || _policy?.TakeSnapshot(final, time.GetUtcNow()) is not { } snapshot)
        {
            return;
        }

        try
        {
            var path = _store.Write(snapshot);
            Log.SnapshotSaved(logger, snapshot.PolicyId, snapshot.Version, path);
        }
        catch (Exception ex)
        {
            // Any failure (disk full, permissions, a non-finite weight the codec refuses): logged, never thrown.
            Log.SnapshotFailed(logger, ex, snapshot.PolicyId, snapshot.Version, _store.StateDirectory);
        }
    }

    // The timer checks for an overdue round (docs/design.md §1.6) and keeps the activation, and so the policy, alive while
    // children train: their reports can be minutes apart.
    private IGrainTimer StartRoundTimer(TimeSpan roundTimeout)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(roundTimeout.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(1).Ticks));
        return this.RegisterGrainTimer(CloseOverdueAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    private async Task CloseOverdueAsync(CancellationToken cancellationToken)
    {
        if (_policy is not null && _policy.CloseOverdue(time.GetUtcNow()) is { Count: > 0 } closed)
        {
            LogRounds(closed, timedOut: true);
            await SaveAsync();
            SaveSnapshot(final: _policy is { LiveChildren: 0, PendingCount: 0 });
        }

        StopRoundTimerWhenIdle();
    }

    private void StopRoundTimerWhenIdle()
    {
        if (_policy is { LiveChildren: 0, PendingCount: 0 })
        {
            _roundTimer?.Dispose();
            _roundTimer = null;
        }
    }

    private void LogRounds(IReadOnlyList<ClosedRound> closed, bool timedOut)
    {
        var policyId = this.GetPrimaryKeyString();
        foreach (var round in closed)
        {
            Log.RoundClosed(logger, policyId, round.Round, round.Version, round.Transitions, round.MeanReward, timedOut, round.Update is not null);
        }
    }
}
