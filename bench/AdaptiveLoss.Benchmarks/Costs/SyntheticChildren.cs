using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Simulated children for parts (b) and (c): states of the real size (45 class pairs of Fashion-MNIST × 2H + 4 = 24
/// features, docs/design.md §1.2) with feature values in the range the pair features take, and window reports shaped like a
/// trainer's (S = 4 validation measurements, a reward in percentage points). No training.
/// </summary>
internal sealed class SyntheticChildren
{
    /// <summary>Groups of a 10-class task: one per class pair.</summary>
    public static readonly int Groups = ClassPairs.Count(10);

    private readonly float[][][] _states;
    private readonly Random _random;

    /// <summary>A pool of <paramref name="poolSize"/> distinct states for <paramref name="options"/>' feature count.</summary>
    public SyntheticChildren(ExperimentOptions options, int seed, int poolSize = 64)
    {
        FeatureCount = Core.Control.PairStateBuilder.FeatureCountFor(options.HistoryLength);
        Window = options.Window;
        _random = new Random(seed);
        _states = [.. Enumerable.Range(0, poolSize).Select(_ => NewState())];
    }

    /// <summary>Features per group (24 with the default history of 10).</summary>
    public int FeatureCount { get; }

    private int Window { get; }

    /// <summary>Child ids "{prefix}/0" … "{prefix}/{count − 1}".</summary>
    public static string[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}/{i}")];

    /// <summary>A state from the pool (index wraps).</summary>
    public float[][] State(int index) => _states[index % _states.Length];

    /// <summary>The report of <paramref name="childId"/>'s window <paramref name="window"/> after <paramref name="actions"/>.</summary>
    public WindowReport Report(string childId, int window, float[][] states, int[] actions, long policyVersion)
    {
        var metrics = Enumerable.Range(0, 4).Select(_ => 0.10 + (0.05 * _random.NextDouble())).ToArray();
        var reward = 2.0 * (_random.NextDouble() - 0.5);
        var iteration = (long)(window + 1) * Window;
        return new WindowReport(childId, window, 0, iteration, 1_000_000, metrics, metrics.Average(), reward, policyVersion,
            states, actions, false, null, new PhiStats(-0.02, 0.02, 0.1), 0.4, 4000, metrics[^1]);
    }

    // Pair features are fractions (confusion history C_ij, C_ji, progress, Φ entries): uniform [0, 0.3) covers them.
    private float[][] NewState() =>
        [.. Enumerable.Range(0, Groups).Select(_ => Enumerable.Range(0, FeatureCount).Select(_ => (float)(0.3 * _random.NextDouble())).ToArray())];
}
