using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;
using AdaptiveLoss.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// Hosts a shared policy (key = policy id; docs/design.md §1.4, §1.6, §3): a thin interpreter of Core's <see cref="PolicyCoordinator"/>.
/// Each call runs one coordinator operation and returns once a store that includes it is done (docs/durability.md): a
/// child that heard "reported" can rely on it, and a re-sent window is refused as a duplicate. Reports and leaves
/// interleave (<see cref="ICoordinatorGrain"/>) so that those arriving together share one store (<see cref="GroupCommit"/>);
/// each runs its coordinator operation in one turn, so the coordinator never sees two at once. Calls are short and
/// await no other grain: every child's training thread calls once or twice per window.
/// </summary>
public sealed class CoordinatorGrain(
    [PersistentState("policy", AdaptiveLossStorage.Name)] IPersistentState<Stored<CoordinatorRecord>> stored,
    ILogger<CoordinatorGrain> logger, TimeProvider time, IServiceProvider services) : Grain, ICoordinatorGrain
{
    private readonly PolicyStore? _store = services.GetService<PolicyStore>();
    private readonly Orleans.Storage.IGrainStorage _storage = services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(AdaptiveLossStorage.Name);
    private PolicyCoordinator? _coordinator;
    private IGrainTimer? _roundTimer;
    private GroupCommit? _commits;

    private GroupCommit Commits => _commits ??= new GroupCommit(StoreAsync);

    private string PolicyId => this.GetPrimaryKeyString();

    private PolicyCoordinator Coordinator => _coordinator ?? throw new InvalidOperationException($"policy {PolicyId} has no children: call JoinAsync first");

    /// <summary>A stored policy continues where it was: weights, memory, rewards, rounds, live children and their pending windows.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.Value is { } record)
        {
            // The round timeout counts only time this activation was up: a restart after a kill is not a slow child.
            _coordinator = await Documents.RestoreAsync(record, time.GetUtcNow());
            Log.PolicyRestored(logger, PolicyId, _coordinator.Version, _coordinator.Rounds, _coordinator.LiveChildren, _coordinator.PendingCount);
            UpdateRoundTimer(_coordinator.Idle);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task JoinAsync(PolicySettings settings, int featureCount, PolicyContributor contributor, IReadOnlyList<string> childIds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if ((_coordinator is null ? settings.Problem(featureCount) : _coordinator.JoinProblem(settings, featureCount)) is { } problem)
        {
            // Refused in Core's words; the exception carries the setting across the grain call (docs/cli.md).
            throw new InvalidOptionsException(problem);
        }

        var coordinator = _coordinator ?? new PolicyCoordinator(PolicyId, settings, featureCount);
        var step = coordinator.Join(settings, featureCount, contributor, childIds);
        if (_coordinator is null)
        {
            _coordinator = coordinator;
            Log.PolicyCreated(logger, PolicyId, featureCount, settings.Learning);
            if (coordinator.FromPolicy is { } from)
            {
                Log.PolicyLoaded(logger, PolicyId, from, settings.Learning);
            }
        }

        await ApplyAsync(step, timedOut: false);
    }

    /// <inheritdoc/>
    public async Task<PolicyDecision> DecideAsync(string childId, int window, float[][] states) =>
        (await DecideManyAsync([new DecisionRequest(childId, window, states!)]))[0];

    /// <inheritdoc/>
    public Task<PolicyDecision[]> DecideManyAsync(IReadOnlyList<DecisionRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        PolicyDecision[] decisions;
        try
        {
            decisions = Coordinator.Decide(requests);
        }
        catch (Exception ex)
        {
            using var failed = PolicyTelemetry.StartDecision(PolicyId, requests.Count == 1 ? requests[0].ChildId : "*", requests.Count == 1 ? requests[0].Window : -1,
                requests.Count == 1 ? requests[0].States?.Length ?? 0 : 0);
            AdaptiveLossTelemetry.RecordError(failed, ex);
            throw;
        }

        // One span per child's decision, each in its child's trace (the batch's call is in the first child's): the batch's
        // one forward pass is shared.
        for (var i = 0; i < requests.Count; i++)
        {
            using var activity = PolicyTelemetry.StartDecision(PolicyId, requests[i].ChildId, requests[i].Window, requests[i].States.Length,
                requests.Count == 1 ? null : requests[i].TraceParent);
            PolicyTelemetry.CompleteDecision(activity, decisions[i]);
        }

        return Task.FromResult(decisions);
    }

    /// <inheritdoc/>
    public Task ReportAsync(WindowReport report)
    {
        var step = Coordinator.Report(report, time.GetUtcNow());
        if (!step.Added)
        {
            Log.DuplicateTransition(logger, PolicyId, report.ChildId, report.Window);
        }
        else if (report.Discarded)
        {
            Log.TransitionDiscarded(logger, PolicyId, report.ChildId, report.Window, report.DiscardReason);
        }

        // A duplicate changed nothing, but is stored anyway: its first delivery may have died with a failed write.
        return ApplyAsync(step, timedOut: false);
    }

    /// <inheritdoc/>
    public Task LeaveAsync(string childId) => ApplyAsync(Coordinator.Leave(childId, time.GetUtcNow()), timedOut: false);

    /// <inheritdoc/>
    public async Task ForgetAsync()
    {
        if (_coordinator is { LiveChildren: > 0 })
        {
            throw new InvalidOperationException($"policy {PolicyId} still has {_coordinator.LiveChildren} live children");
        }

        var documents = _coordinator?.AllDocuments() ?? DocumentDeletes.None;
        _coordinator = null;
        UpdateRoundTimer(idle: true);
        // A store in flight would write the forgotten record back after the clear.
        await Commits.IdleAsync();
        await stored.ClearStateAsync();
        await Documents.DeleteAsync(documents);
    }

    /// <inheritdoc/>
    public Task<PolicySummary> GetSummaryAsync() => Task.FromResult(new PolicySummary(PolicyId, _coordinator?.Version ?? 0, _coordinator?.Updates ?? 0,
        _coordinator?.Rewards.Count ?? 0, _coordinator?.Rounds ?? 0, _coordinator?.Discarded ?? 0,
        [.. (_coordinator?.Rewards ?? []).Select(r => new RewardRecord(r.Round, r.ChildId, r.Window, r.Reward, r.PolicyVersion))]));

    private PolicyDocuments Documents => new(_storage, PolicyId);

    private Task ApplyAsync(CoordinatorStep step, bool timedOut)
    {
        foreach (var round in step.Closed)
        {
            Log.RoundClosed(logger, PolicyId, round.Round, round.Version, round.Transitions, round.MeanReward, timedOut, round.Update is not null);
        }

        // Saved before the record that counts it is stored (CoordinatorStep): at least once, whatever crashes.
        SnapshotSaver.Save(_store, step.Snapshot, logger);
        UpdateRoundTimer(step.Idle);
        return Commits.StoredAsync();
    }

    // The commit's order is the durability argument (CoordinatorCommit): a crash between two writes leaves a record whose
    // documents all exist. Deleting is best effort: a failure leaves an orphan document, never a broken record.
    private async Task StoreAsync()
    {
        if (_coordinator is not { } coordinator)
        {
            return;
        }

        var commit = coordinator.Commit();
        await Documents.WriteAsync(commit.Write);
        stored.State.Value = commit.Record;
        await stored.WriteStateAsync();
        try
        {
            await Documents.DeleteAsync(commit.Delete);
        }
        catch (Exception ex)
        {
            Log.DocumentsNotDeleted(logger, ex, PolicyId);
        }

        coordinator.Saved(commit);
    }

    // The timer closes overdue rounds (docs/design.md §1.6) and keeps the activation, and so the policy, alive while
    // children train (their reports can be minutes apart); it runs while a child is live or a transition pending.
    private void UpdateRoundTimer(bool idle)
    {
        if (idle || _coordinator is null)
        {
            _roundTimer?.Dispose();
            _roundTimer = null;
            return;
        }

        var period = TimeSpan.FromTicks(Math.Clamp(_coordinator.Settings.RoundTimeout.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _roundTimer ??= this.RegisterGrainTimer(
            _ => _coordinator?.Tick(time.GetUtcNow()) is { } step ? ApplyAsync(step, timedOut: true) : Task.CompletedTask,
            new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }
}
