using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// A shared policy's coordinator as a state machine without I/O (docs/design.md §1.4, §1.6): the policy learner, the round
/// book, the reward log and who fed it. Join, report, leave and tick return a <see cref="CoordinatorStep"/>: the rounds
/// closed and a snapshot due; <see cref="Commit"/> says what the host must store and delete for all of them. A round is one transition from every live child or whatever
/// is pending at the timeout; it updates the policy once (learning) or is only observed (frozen policy, ce, fixed: the
/// version stays 0 while rounds and transitions are counted). Rounds that hold only discarded windows
/// (docs/design.md §1.7) close without an update and are not counted. A learning policy hands out a snapshot when its
/// version reaches a multiple of <see cref="PolicySettings.SnapshotEvery"/> and once more when it goes idle. With
/// <see cref="PolicySettings.InitialPolicy"/> it starts from those weights (a new lineage: its version starts at 0).
/// Deterministic given the seed: decisions and updates draw from <see cref="RandomStreams"/>. Each closed round is one
/// span (<c>update policy</c> or <c>observe round</c>). Storage is the other half (PolicyCoordinator.Storage.cs).
/// </summary>
public sealed partial class PolicyCoordinator
{
    private readonly PolicyLearner _learner;
    private readonly RoundBook _book;
    private RewardLog _rewards;
    private Contributions _contributions = new();
    private int _rounds;
    private long _updates;
    private int _discarded;
    private long _snapshotVersion;
    // The trace of the latest report: a round closed by the timer (no activity of its own) is parented there.
    private ActivityContext _lastReport;

    /// <summary>A new policy <paramref name="policyId"/>; throws <see cref="ArgumentException"/> naming the setting that is unusable.</summary>
    public PolicyCoordinator(string policyId, PolicySettings settings, int featureCount)
        : this(policyId, settings, featureCount, new RoundBook())
    {
        if (settings.Problem(featureCount) is { } problem)
        {
            throw new ArgumentException(problem.ToString(), problem.Setting);
        }

        settings.InitialPolicy?.Parameters.CopyTo(_learner.Network.Parameters, 0);
        FromPolicy = settings.InitialPolicy?.Reference.ToString();
    }

    private PolicyCoordinator(string policyId, PolicySettings settings, int featureCount, RoundBook book)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        (PolicyId, Settings, FeatureCount) = (policyId, settings with { InitialPolicy = null }, featureCount);
        _learner = new PolicyLearner(settings, featureCount, settings.Seed);
        _book = book;
        _rewards = new RewardLog(policyId);
    }

    /// <summary>The policy (coordinator key).</summary>
    public string PolicyId { get; }

    /// <summary>Its settings, without the initial snapshot's weights.</summary>
    public PolicySettings Settings { get; }

    /// <summary>State features per group.</summary>
    public int FeatureCount { get; }

    /// <summary>The snapshot the weights were loaded from ("fashion@65"); null for a random initialisation.</summary>
    public string? FromPolicy { get; private set; }

    /// <summary>The current weights (read-only use).</summary>
    public IReadOnlyList<double> Parameters => _learner.Network.Parameters;

    /// <summary>Updates applied so far (the version stamped on decisions).</summary>
    public long Version => _learner.Version;

    /// <summary>Updates performed.</summary>
    public long Updates => _updates;

    /// <summary>Rounds closed.</summary>
    public int Rounds => _rounds;

    /// <summary>Discarded windows booked.</summary>
    public int Discarded => _discarded;

    /// <summary>Every reward used in a round, in round order.</summary>
    public IReadOnlyList<RoundReward> Rewards => _rewards.Entries;

    /// <summary>Children whose transitions are awaited.</summary>
    public int LiveChildren => _book.LiveChildren.Count;

    /// <summary>Transitions waiting for a round.</summary>
    public int PendingCount => _book.PendingCount;

    /// <summary>No child is live and nothing is pending.</summary>
    public bool Idle => _book is { LiveChildren.Count: 0, PendingCount: 0 };

    /// <summary>
    /// Awaits <paramref name="childIds"/> of <paramref name="contributor"/>, each counting its windows from 0 again (a re-run
    /// of an experiment on a policy that outlived it). Refused with one line when the features, the policy settings or
    /// the initial snapshot differ from this policy's: the later experiment would silently run something else.
    /// </summary>
    public CoordinatorStep Join(PolicySettings settings, int featureCount, PolicyContributor contributor, IReadOnlyList<string> childIds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(contributor);
        ArgumentNullException.ThrowIfNull(childIds);
        if (JoinProblem(settings, featureCount) is { } problem)
        {
            throw new ArgumentException(problem.ToString(), problem.Setting);
        }

        foreach (var childId in childIds)
        {
            _book.JoinAfresh(childId);
        }

        _contributions.Join(contributor, childIds);
        return Step(added: true, [], snapshotFinal: null, default);
    }

    /// <summary>
    /// Null when an experiment with <paramref name="settings"/> and <paramref name="featureCount"/> state features may
    /// join this policy; otherwise the setting at fault: a feature count, a policy setting or an initial snapshot that
    /// differs from this policy's would make the later experiment silently run something else than it asked for.
    /// </summary>
    public ValidationError? JoinProblem(PolicySettings settings, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (FeatureCount != featureCount)
        {
            return new ValidationError(nameof(ExperimentOptions.HistoryLength),
                $"gives a child {featureCount} state features; policy {PolicyId} has {FeatureCount}, so it cannot share it");
        }

        if (Settings.Mismatch(PolicyId, settings) is { } mismatch)
        {
            return mismatch;
        }

        // A shared policy already has weights: silently ignoring the initial snapshot would run something else than asked.
        return settings.InitialPolicy is { } initial && FromPolicy != initial.Reference.ToString()
            ? new ValidationError(nameof(ExperimentOptions.InitialPolicy),
                $"{initial.Reference}: policy {PolicyId} already exists (version {Version}); a snapshot only seeds a new policy")
            : null;
    }

    /// <summary>
    /// Samples the actions of <paramref name="childId"/>'s window <paramref name="window"/> from its own random stream
    /// (<see cref="RandomStreams.ForDecision"/>): the same window gets the same draws whatever else happened meanwhile.
    /// </summary>
    public PolicyDecision Decide(string childId, int window, float[][] states) => Decide([new DecisionRequest(childId, window, states)])[0];

    /// <summary>
    /// <see cref="Decide(string, int, float[][])"/> for many children at once (those of a silo that asked together): one
    /// batched forward pass, and for each the same actions it would get alone. Every request is checked before any.
    /// </summary>
    public PolicyDecision[] Decide(IReadOnlyList<DecisionRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(request.ChildId, nameof(requests));
            ArgumentNullException.ThrowIfNull(request.States, nameof(requests));
            foreach (var row in request.States)
            {
                if (row is null || row.Length != FeatureCount)
                {
                    throw new ArgumentException($"each state row must have {FeatureCount} features (got {row?.Length ?? 0})", nameof(requests));
                }
            }
        }

        return _learner.Decide([.. requests.Select(r => r.States)],
            [.. requests.Select(r => RandomStreams.ForDecision(Settings.Seed, r.ChildId, r.Window))]);
    }

    /// <summary>Books a window's transition (or its skip, when discarded) and closes every round now complete.</summary>
    public CoordinatorStep Report(WindowReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        _lastReport = Activity.Current?.Context ?? _lastReport;
        bool added;
        if (report.Discarded)
        {
            added = _book.AddSkip(report.ChildId, report.Window, now);
            _discarded += added ? 1 : 0;
        }
        else
        {
            var transition = new Transition(report.ChildId, report.Window, report.States, report.Actions, report.Reward, report.PolicyVersion,
                report.GroupRewards, report.Lineage);
            added = _book.Add(transition, now);
            if (added)
            {
                PendingAdded(transition);
            }
        }

        var closed = CloseComplete([]);
        return Step(added, closed, snapshotFinal: false, now);
    }

    /// <summary>Stops awaiting <paramref name="childId"/>; may close a pending round. The last one out takes the final snapshot.</summary>
    public CoordinatorStep Leave(string childId, DateTimeOffset now)
    {
        _book.Leave(childId);
        var closed = CloseComplete([]);
        return Step(added: true, closed, snapshotFinal: Idle, now);
    }

    /// <summary>
    /// Closes overdue rounds with whatever is pending (docs/design.md §1.6: a timeout, default 60 s), then complete ones;
    /// null when none closed (nothing to store).
    /// </summary>
    public CoordinatorStep? Tick(DateTimeOffset now)
    {
        var closed = new List<ClosedRound>();
        while (_book.PendingEntries > 0 && _book.IsOverdue(now, Settings.RoundTimeout) && CloseOne(closed))
        {
        }

        CloseComplete(closed);
        return closed.Count > 0 ? Step(added: true, closed, snapshotFinal: Idle, now) : null;
    }

    // A snapshot when due: a learning policy, a version not yet handed out, and either final (idle) or a new multiple of
    // SnapshotEvery since the last one. Version 0 (nothing learned) is never saved.
    private PolicySnapshot? TakeSnapshot(bool final, DateTimeOffset now)
    {
        var (version, every) = (_learner.Version, Settings.SnapshotEvery);
        if (!Settings.Learning || version <= _snapshotVersion || (!final && version / every == _snapshotVersion / every))
        {
            return null;
        }

        _snapshotVersion = version;
        return PolicySnapshot.Of(PolicyId, version, _learner.Network, now, _contributions.Source(_rounds, _learner.Transitions, FromPolicy));
    }

    private List<ClosedRound> CloseComplete(List<ClosedRound> closed)
    {
        while (_book.PendingEntries > 0 && _book.IsComplete && CloseOne(closed))
        {
        }

        return closed;
    }

    // Takes one round; false when it took nothing. Skips (discarded windows) are entries too: a round of skips must still
    // be taken, or the transitions queued behind them would wait a round (or, after the last child left, forever).
    private bool CloseOne(List<ClosedRound> closed)
    {
        var before = _book.PendingEntries;
        var round = _book.TakeRound();
        if (round.Count > 0)
        {
            closed.Add(Close(round));
        }

        return _book.PendingEntries < before;
    }

    private ClosedRound Close(IReadOnlyList<Transition> round)
    {
        using var activity = PolicyTelemetry.StartRound(Settings.Learning, PolicyId, _lastReport);
        PolicyUpdate? update = null;
        try
        {
            if (Settings.Learning)
            {
                update = _learner.Update(round, RandomStreams.ForRound(Settings.Seed, _rounds + 1));
                _updates++;
            }
            else
            {
                _learner.Observe(round);
            }
        }
        catch (Exception ex)
        {
            AdaptiveLossTelemetry.RecordError(activity, ex);
            throw;
        }

        _rounds++;
        RoundClosed(round);
        foreach (var transition in round)
        {
            _rewards.Add(new RoundReward(_rounds, transition.ChildId, transition.Window, transition.Reward, transition.PolicyVersion));
            _contributions.Count(transition.ChildId);
        }

        var closed = new ClosedRound(_rounds, round.Count, round.Average(t => t.Reward), _learner.Version, update);
        PolicyTelemetry.CompleteRound(activity, PolicyId, closed.Round, closed.Transitions, closed.MeanReward, closed.Version, update);
        return closed;
    }
}
