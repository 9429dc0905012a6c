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
/// forks, and runs the next window from the fork as keep-branches (twice with the same batches, then with other
/// batches) and as ±β on the acted-on pair (same batches as the first keep-branch).
/// </summary>
internal static class NoiseFloorProbe
{
    public static NoiseFloorState Measure(NoiseFloorOptions o, TaskData data, int seed)
    {
        var pairIndex = PairIndex(o.Pair, data.Classes);
        var keepActions = new Actions(ActionSet.Keep, -1, ActionSet.Keep);
        (double Global, double Pair)[] keeps = [];
        var effects = new List<NoiseFloorEffect>();
        // β is a child option, so each β gets a trainer of its own; the forks are bit-identical (the warm windows keep
        // Φ = I whatever β is: ChildForkTests), so every β acts on the same state with the same batches.
        foreach (var beta in o.Betas)
        {
            var options = o.Experiment with { Loss = LossMode.Ala, Beta = beta };
            using var trainer = new ChildTrainer(new ChildSpec($"noise-floor/{seed}", seed - 1, seed, options), data);
            using var fork = trainer.TrainAndFork(keepActions, o.Warm);
            var before = PairShare(trainer, pairIndex, options.Metric);

            (double Global, double Pair) Branch(Actions actions, long? batchSeed = null)
            {
                var report = trainer.Branch(fork, actions, batchSeed);
                return (report.Reward, 100 * (before - PairShare(trainer, pairIndex, options.Metric)));
            }

            if (keeps.Length == 0)
            {
                keeps = [Branch(keepActions), Branch(keepActions), .. Enumerable.Range(1, o.Repeats).Select(r => Branch(keepActions, (1000L * seed) + r))];
            }

            var plus = Branch(new Actions(ActionSet.Keep, pairIndex, ActionSet.Increase));
            var minus = Branch(new Actions(ActionSet.Keep, pairIndex, ActionSet.Decrease));
            effects.Add(new NoiseFloorEffect(beta, plus.Global, minus.Global, plus.Pair, minus.Pair));
        }

        return new NoiseFloorState(seed, keeps[0].Global, keeps[1].Global, [.. keeps.Skip(2).Select(x => x.Global)], keeps[0].Pair, keeps[1].Pair,
            [.. keeps.Skip(2).Select(x => x.Pair)], effects);
    }

    private static double PairShare(ChildTrainer trainer, int pairIndex, MetricKind metric)
    {
        var (logP, labels) = trainer.ValidationPredictions();
        var classes = logP.Length / labels.Length;
        return ClassificationMetrics.PairShares(logP, labels, classes, metric is MetricKind.BalancedError ? metric : MetricKind.Error)[pairIndex];
    }

    private static int PairIndex((int I, int J) pair, int classes) => ClassPairs.Enumerate(classes).ToList().IndexOf(pair);

    /// <summary>One action on the group at <c>index</c> and another on every other group.</summary>
    private sealed class Actions(int rest, int index, int action) : IChildController
    {
        public PolicyDecision Decide(string childId, int window, float[][] states) =>
            new(states.Select((_, g) => g == index ? action : rest).ToArray(), 0, 0);

        public void Report(WindowReport report)
        {
        }
    }
}
