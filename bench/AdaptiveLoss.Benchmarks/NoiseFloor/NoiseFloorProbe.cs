using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>
/// Measures one child state (docs/noise-floor.md): trains <see cref="NoiseFloorOptions.Warm"/> windows with Φ = I,
/// forks, and runs <see cref="NoiseFloorOptions.Horizon"/> windows from the fork as keep-branches (twice with the same
/// batches, then with other batches) and as ±β on the acted-on pair, and with <see cref="NoiseFloorOptions.AllPairs"/> on
/// every pair (same batches as the first keep-branch), the action held for the whole horizon.
/// </summary>
internal static class NoiseFloorProbe
{
    /// <summary>The state's rewards after each of windows 1..H of the branches: one <see cref="NoiseFloorState"/> per horizon.</summary>
    public static IReadOnlyList<NoiseFloorState> Measure(NoiseFloorOptions o, TaskData data, int seed)
    {
        var pairIndex = PairIndex(o.Pair, data.Classes);
        var pairCount = ClassPairs.Count(data.Classes);
        var keepActions = new Actions(ActionSet.Keep, _ => false);
        var pairTarget = $"pair {o.Pair.I}-{o.Pair.J}";
        (double Global, double Pair)[][] keeps = [];
        var effects = new List<(double Beta, string Target, (double Global, double Pair)[] Plus, (double Global, double Pair)[] Minus)>();
        // β is a child option, so each β gets a trainer of its own; the forks are bit-identical (the warm windows keep
        // Φ = I whatever β is: ChildForkTests), so every β acts on the same state with the same batches.
        foreach (var beta in o.Betas)
        {
            var options = o.Experiment with { Loss = LossMode.Ala, Beta = beta };
            using var trainer = new ChildTrainer(new ChildSpec($"noise-floor/{seed}", seed - 1, seed, options.ChildSettings()), data);
            using var fork = trainer.TrainAndFork(keepActions, o.Warm);
            var before = PairShare(trainer, pairIndex, options.Metric);

            // Rewards after each window of the branch: the global one summed over the windows so far (Eq. 4 diff
            // telescopes to the improvement of M̄ since the fork), the pair one measured against the fork.
            (double Global, double Pair)[] Branch(Actions actions, long? batchSeed = null)
            {
                var rewards = new List<(double, double)>(o.Horizon);
                var global = 0.0;
                trainer.Branch(fork, actions, o.Horizon, batchSeed, report =>
                {
                    global += report.Reward;
                    rewards.Add((global, 100 * (before - PairShare(trainer, pairIndex, options.Metric))));
                });
                return [.. rewards];
            }

            if (keeps.Length == 0)
            {
                keeps = [Branch(keepActions), Branch(keepActions), .. Enumerable.Range(1, o.Repeats).Select(r => Branch(keepActions, (1000L * seed) + r))];
            }

            effects.Add((beta, pairTarget, Branch(new Actions(ActionSet.Increase, g => g == pairIndex)), Branch(new Actions(ActionSet.Decrease, g => g == pairIndex))));
            if (o.AllPairs)
            {
                effects.Add((beta, "all pairs", Branch(new Actions(ActionSet.Increase, g => g < pairCount)), Branch(new Actions(ActionSet.Decrease, g => g < pairCount))));
            }
        }

        return [.. Enumerable.Range(0, o.Horizon).Select(h => new NoiseFloorState(seed, h + 1, keeps[0][h].Global, keeps[1][h].Global,
            [.. keeps.Skip(2).Select(x => x[h].Global)], keeps[0][h].Pair, keeps[1][h].Pair, [.. keeps.Skip(2).Select(x => x[h].Pair)],
            [.. effects.Select(e => new NoiseFloorEffect(e.Beta, e.Target, e.Plus[h].Global, e.Minus[h].Global, e.Plus[h].Pair, e.Minus[h].Pair))]))];
    }

    private static double PairShare(ChildTrainer trainer, int pairIndex, MetricKind metric)
    {
        var (logP, labels) = trainer.ValidationPredictions();
        var classes = logP.Length / labels.Length;
        return ClassificationMetrics.PairShares(logP, labels, classes, metric is MetricKind.BalancedError ? metric : MetricKind.Error)[pairIndex];
    }

    private static int PairIndex((int I, int J) pair, int classes) => ClassPairs.Enumerate(classes).ToList().IndexOf(pair);

    /// <summary><c>action</c> on the groups <c>acts</c> selects, keep on every other group (class offsets included).</summary>
    private sealed class Actions(int action, Func<int, bool> acts) : IChildController
    {
        public PolicyDecision Decide(string childId, int window, float[][] states) =>
            new(states.Select((_, g) => acts(g) ? action : ActionSet.Keep).ToArray(), 0, 0);

        public void Report(WindowReport report)
        {
        }
    }
}
