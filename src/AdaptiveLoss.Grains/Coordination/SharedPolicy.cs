using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// The coordinator's logic without Orleans (spec §1.4, §1.6): the policy learner, the round book and the reward log.
/// A round is one transition from every live child or whatever is pending at the timeout; it updates the policy once
/// (ALA) or is only observed (frozen policy, ce, fixed: the version stays 0 while rounds and transitions are counted).
/// Rounds that hold only discarded windows (spec §1.7) close without an update and are not counted.
/// Each closed round is one span (<c>update policy</c> or <c>observe round</c>) around its update.
/// </summary>
internal sealed class SharedPolicy
{
    private readonly PolicyLearner _learner;
    private readonly RoundBook _book = new();
    private readonly List<RewardRecord> _rewards = [];
    private readonly Random _random;
    private int _rounds;
    private long _updates;
    private int _discarded;
    // The trace of the latest report: a round closed by the timer (no activity of its own) is parented there.
    private ActivityContext _lastReport;

    public SharedPolicy(ExperimentOptions options, int featureCount, string policyId = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        PolicyId = policyId;
        Options = options;
        FeatureCount = featureCount;
        Learning = options.Loss == LossMode.Ala && !options.FreezePolicy;
        _learner = new PolicyLearner(options, featureCount, options.Seed);
        _random = new Random(options.Seed);
    }

    public string PolicyId { get; }

    public ExperimentOptions Options { get; }

    public int FeatureCount { get; }

    /// <summary>False for a frozen policy and for the ce / fixed baselines.</summary>
    public bool Learning { get; }

    public TimeSpan RoundTimeout => TimeSpan.FromSeconds(Options.RoundTimeoutSeconds);

    public int LiveChildren => _book.LiveChildren.Count;

    public int PendingCount => _book.PendingCount;

    public void Join(IEnumerable<string> childIds)
    {
        foreach (var childId in childIds)
        {
            _book.Join(childId);
        }
    }

    public PolicyDecision Decide(float[][] states)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var row in states)
        {
            if (row is null || row.Length != FeatureCount)
            {
                throw new ArgumentException($"each state row must have {FeatureCount} features (got {row?.Length ?? 0})", nameof(states));
            }
        }

        return _learner.Decide(states, _random);
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
        }

        return new AddResult(added, CloseComplete());
    }

    public IReadOnlyList<ClosedRound> Leave(string childId)
    {
        _book.Leave(childId);
        return CloseComplete();
    }

    /// <summary>Closes overdue rounds with whatever is pending (spec §1.6: a timeout, default 60 s), then complete ones.</summary>
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

    public PolicySummary Summary(string policyId) =>
        new(policyId, _learner.Version, _updates, _rewards.Count, _rounds, _discarded, _rewards.ToArray());

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
                update = _learner.Update(round, _random);
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
