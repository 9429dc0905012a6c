using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// The coordinator's logic without Orleans (docs/design.md §1.4, §1.6): the policy learner, the round book and the reward log.
/// A round is one transition from every live child or whatever is pending at the timeout; it updates the policy once
/// (ALA) or is only observed (frozen policy, ce, fixed: the version stays 0 while rounds and transitions are counted).
/// Rounds that hold only discarded windows (docs/design.md §1.7) close without an update and are not counted.
/// A learning policy hands out a snapshot when its version reaches a multiple of <see cref="ExperimentOptions.SnapshotEvery"/>
/// and once more when the last child left (<see cref="TakeSnapshot"/>). With <see cref="ExperimentOptions.InitialPolicy"/>
/// it starts from those weights instead of a random initialisation (a new lineage: its version starts at 0).
/// Each closed round is one span (<c>update policy</c> or <c>observe round</c>) around its update. How it is stored and
/// restored is the other half of this class (SharedPolicy.Storage.cs).
/// </summary>
internal sealed partial class SharedPolicy
{
    private readonly PolicyLearner _learner;
    private readonly RoundBook _book;
    private readonly List<RewardRecord> _rewards = [];
    private int _rounds;
    private long _updates;
    private int _discarded;
    private long _snapshotVersion;
    // The trace of the latest report: a round closed by the timer (no activity of its own) is parented there.
    private ActivityContext _lastReport;

    public SharedPolicy(ExperimentOptions options, int featureCount, string policyId = "")
        : this(options, featureCount, policyId, new RoundBook())
    {
        if (options.InitialPolicy is { } initial)
        {
            if (initial.Inputs != featureCount || initial.Parameters.Length != _learner.Network.Parameters.Length)
            {
                throw new ArgumentException(
                    $"policy {initial.Reference} is {initial.Inputs}→{initial.Hidden}; this policy needs {featureCount}→{options.PolicyHidden}", nameof(options));
            }

            initial.Parameters.CopyTo(_learner.Network.Parameters, 0);
        }
    }

    private SharedPolicy(ExperimentOptions options, int featureCount, string policyId, RoundBook book)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        PolicyId = policyId;
        Options = options;
        FeatureCount = featureCount;
        Learning = options.Loss == LossMode.Ala && !options.FreezePolicy;
        _learner = new PolicyLearner(options, featureCount, options.Seed);
        _book = book;
    }

    public string PolicyId { get; }

    public ExperimentOptions Options { get; }

    public int FeatureCount { get; }

    /// <summary>False for a frozen policy and for the ce / fixed baselines.</summary>
    public bool Learning { get; }

    /// <summary>The snapshot the weights were loaded from ("fashion@65"); null for a random initialisation.</summary>
    public string? FromPolicy => Options.InitialPolicy?.Reference.ToString();

    /// <summary>The current weights (read-only use: tests and snapshots).</summary>
    public IReadOnlyList<double> Parameters => _learner.Network.Parameters;

    public TimeSpan RoundTimeout => TimeSpan.FromSeconds(Options.RoundTimeoutSeconds);

    public int LiveChildren => _book.LiveChildren.Count;

    /// <summary>Updates applied so far (the version stamped on decisions).</summary>
    public long Version => _learner.Version;

    public int PendingCount => _book.PendingCount;

    public void Join(IEnumerable<string> childIds)
    {
        foreach (var childId in childIds)
        {
            // Joining is starting: a child of an experiment run again on a shared policy reports windows 0, 1, … again.
            _book.JoinAfresh(childId);
        }
    }

    /// <summary>
    /// Samples the actions of <paramref name="childId"/>'s window <paramref name="window"/> from its own random stream
    /// (<see cref="RandomStreams.ForDecision"/>): the same window gets the same draws whatever else happened meanwhile.
    /// </summary>
    public PolicyDecision Decide(string childId, int window, float[][] states)
    {
        ArgumentNullException.ThrowIfNull(childId);
        ArgumentNullException.ThrowIfNull(states);
        foreach (var row in states)
        {
            if (row is null || row.Length != FeatureCount)
            {
                throw new ArgumentException($"each state row must have {FeatureCount} features (got {row?.Length ?? 0})", nameof(states));
            }
        }

        return _learner.Decide(states, RandomStreams.ForDecision(Options.Seed, childId, window));
    }

    /// <summary>Books a window's transition (or its skip, when discarded) and closes every round now complete.</summary>
    public AddResult Report(WindowReport report, DateTimeOffset now)
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
            var transition = new Transition(report.ChildId, report.Window, report.States, report.Actions, report.Reward, report.PolicyVersion);
            added = _book.Add(transition, now);
            if (added)
            {
                _unsavedPending.Add(transition);
            }
        }

        return new AddResult(added, CloseComplete());
    }

    public IReadOnlyList<ClosedRound> Leave(string childId)
    {
        _book.Leave(childId);
        return CloseComplete();
    }

    /// <summary>Closes overdue rounds with whatever is pending (docs/design.md §1.6: a timeout, default 60 s), then complete ones.</summary>
    public IReadOnlyList<ClosedRound> CloseOverdue(DateTimeOffset now)
    {
        var closed = new List<ClosedRound>();
        while (_book.PendingEntries > 0 && _book.IsOverdue(now, RoundTimeout))
        {
            // Skips (discarded windows) are entries too: a round of skips must still be taken, or the
            // transitions queued behind them would wait a round (or, after the last child left, forever).
            var before = _book.PendingEntries;
            Close(closed);
            if (_book.PendingEntries >= before)
            {
                break;
            }
        }

        closed.AddRange(CloseComplete());
        return closed;
    }

    /// <summary>
    /// A snapshot of the current weights when one is due, else null: only for a learning policy, only for a version
    /// not yet snapshotted, and either <paramref name="final"/> (the last child left) or the version reached a multiple
    /// of <see cref="ExperimentOptions.SnapshotEvery"/> since the last one. Version 0 (nothing learned) is never saved.
    /// </summary>
    public PolicySnapshot? TakeSnapshot(bool final, DateTimeOffset now)
    {
        var version = _learner.Version;
        if (!Learning || version <= _snapshotVersion)
        {
            return null;
        }

        var every = Options.SnapshotEvery;
        if (!final && version / every == _snapshotVersion / every)
        {
            return null;
        }

        _snapshotVersion = version;
        var source = new SnapshotSource(TaskName(Options.Task), Options.Model.ToString().ToLowerInvariant(),
            Options.Classes ?? ExperimentOptionsValidator.MaxClasses, _rounds, _learner.Transitions, FromPolicy);
        return PolicySnapshot.Of(PolicyId, version, _learner.Network, now, source);
    }

    public PolicySummary Summary(string policyId) =>
        new(policyId, _learner.Version, _updates, _rewards.Count, _rounds, _discarded, _rewards.ToArray());

    // The command-line names (ala run --task), which the snapshot's provenance shows.
    private static string TaskName(TaskKind task) => task == TaskKind.FashionMnist ? "fashion-mnist" : task.ToString().ToLowerInvariant();

    private List<ClosedRound> CloseComplete()
    {
        var closed = new List<ClosedRound>();
        while (_book.PendingEntries > 0 && _book.IsComplete)
        {
            // Skips (discarded windows) are entries too: a round of skips must still be taken, or the
            // transitions queued behind them would wait a round (or, after the last child left, forever).
            var before = _book.PendingEntries;
            Close(closed);
            if (_book.PendingEntries >= before)
            {
                break;
            }
        }

        return closed;
    }

    private void Close(List<ClosedRound> closed)
    {
        var round = _book.TakeRound();
        if (round.Count == 0)
        {
            return;
        }

        using var activity = PolicyTelemetry.StartRound(Learning, PolicyId, _lastReport);
        PolicyUpdate? update = null;
        try
        {
            if (Learning)
            {
                update = _learner.Update(round, RandomStreams.ForRound(Options.Seed, _rounds + 1));
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
        ReleasePending(round);
        if (Learning)
        {
            AddMemoryChunk(round.Count);
        }

        foreach (var transition in round)
        {
            _rewards.Add(new RewardRecord(_rounds, transition.ChildId, transition.Window, transition.Reward, transition.PolicyVersion));
        }

        var closedRound = new ClosedRound(_rounds, round.Count, round.Average(t => t.Reward), _learner.Version, update);
        PolicyTelemetry.CompleteRound(activity, PolicyId, closedRound.Round, closedRound.Transitions, closedRound.MeanReward,
            closedRound.Version, update);
        closed.Add(closedRound);
    }
}
