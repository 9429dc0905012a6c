using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// The bare loop's controller: the coordinator's decide/report semantics (Core/Coordination/PolicyCoordinator) with no
/// Orleans — one Core <see cref="PolicyLearner"/> and <see cref="RoundBook"/> behind a lock, shared by the children's
/// threads. A round is one transition (or skip) from every live child; it updates the policy once when learning.
/// No round timeout: every child of the bare loop reports every window.
/// </summary>
internal sealed class LocalController : IChildController
{
    private readonly Lock _gate = new();
    private readonly PolicyLearner _learner;
    private readonly RoundBook _book = new();
    private readonly Random _random;
    private readonly bool _learning;
    private readonly Dictionary<string, List<double>> _imagesPerSecond = new(StringComparer.Ordinal);

    /// <summary>A fresh policy (seeded like the coordinator's) awaiting <paramref name="childIds"/>.</summary>
    public LocalController(ExperimentOptions options, int featureCount, IEnumerable<string> childIds)
    {
        _learner = new PolicyLearner(options, featureCount, options.Seed);
        _random = new Random(options.Seed);
        _learning = options.Loss == LossMode.Ala && !options.FreezePolicy;
        foreach (var childId in childIds)
        {
            _book.Join(childId);
            _imagesPerSecond[childId] = [];
        }
    }

    /// <summary>Policy updates applied.</summary>
    public long Updates { get { lock (_gate) { return _learner.Version; } } }

    /// <summary>Rounds closed (updates or observations).</summary>
    public int Rounds { get { lock (_gate) { return _book.Rounds; } } }

    /// <inheritdoc/>
    public PolicyDecision Decide(string childId, int window, float[][] states)
    {
        lock (_gate)
        {
            return _learner.Decide(states, _random);
        }
    }

    /// <inheritdoc/>
    public void Report(WindowReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            if (report.Discarded)
            {
                _book.AddSkip(report.ChildId, report.Window, DateTimeOffset.UtcNow);
            }
            else
            {
                _book.Add(new Transition(report.ChildId, report.Window, report.States, report.Actions, report.Reward, report.PolicyVersion), DateTimeOffset.UtcNow);
                _imagesPerSecond[report.ChildId].Add(report.ImagesPerSecond);
            }

            CloseComplete();
        }
    }

    /// <summary>The child has ended: stop awaiting it (it may complete a pending round).</summary>
    public void Leave(string childId)
    {
        lock (_gate)
        {
            _book.Leave(childId);
            CloseComplete();
        }
    }

    /// <summary>The training img/s each child reported per counted window.</summary>
    public IReadOnlyDictionary<string, double[]> WindowImagesPerSecond()
    {
        lock (_gate)
        {
            return _imagesPerSecond.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        }
    }

    // Under _gate. A round of skips only is taken without an update, as the coordinator does.
    private void CloseComplete()
    {
        while (_book.PendingEntries > 0 && _book.IsComplete)
        {
            var before = _book.PendingEntries;
            var round = _book.TakeRound();
            if (round.Count > 0)
            {
                if (_learning)
                {
                    _learner.Update(round, _random);
                }
                else
                {
                    _learner.Observe(round);
                }
            }

            if (_book.PendingEntries >= before)
            {
                break;
            }
        }
    }
}
