using System.Diagnostics;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Part (d): the policy's arithmetic alone, before and after, on the same rows: the double-precision network walked
/// row by row (<see cref="PolicyNetwork"/>: the coordinator's arithmetic before <see cref="PolicyBatch"/>, kept as the
/// reference the tests check against) and the batched float32 one. An update is the gradient over every group row of
/// a round plus the entropy pass over them; a decision is π over one child's 45 rows, alone or all children in one pass
/// (what <c>DecideManyAsync</c> does for a silo's children that ask together).
/// </summary>
internal static class ArithmeticBench
{
    /// <summary>One row per entry of <see cref="CostsOptions.ScaleChildren"/>.</summary>
    public static IReadOnlyList<ArithmeticRow> Run(CostsOptions costs, TextWriter log)
    {
        var rows = new List<ArithmeticRow>();
        foreach (var children in costs.ScaleChildren)
        {
            var options = costs.Experiment() with { Children = children };
            var synthetic = new SyntheticChildren(options, costs.Seed + children);
            var states = Enumerable.Range(0, children).Select(synthetic.State).ToArray();
            var network = new PolicyNetwork(synthetic.FeatureCount, options.PolicyHidden, costs.Seed);
            var repeats = children >= 1000 ? costs.ScaleRoundsLarge : costs.ScaleRounds;
            var row = Measure(network, states, repeats);
            rows.Add(row);
            log.WriteLine($"costs (d): {children,5} children ({row.Rows:N0} rows): update {row.ReferenceUpdateMs:F1} → {row.BatchedUpdateMs:F1} ms, "
                + $"decide all {row.ReferenceDecideMs:F1} → {row.BatchedDecidePerChildMs:F1} ms (one call each) / {row.BatchedDecideAllMs:F1} ms (one pass)");
        }

        return rows;
    }

    private static ArithmeticRow Measure(PolicyNetwork network, float[][][] states, int repeats)
    {
        var all = states.SelectMany(s => s).ToArray();
        var random = new Random(7);
        var actions = all.Select(_ => random.Next(3)).ToArray();
        var scales = all.Select(_ => (random.NextDouble() - 0.5) / all.Length).ToArray();
        var gradient = new double[network.Parameters.Length];
        var probabilities = new double[all.Length * 3];
        var batch = new PolicyBatch(network.Inputs, network.Hidden);
        var one = new double[3];

        // The reference repeats less at scale: one pass over 450,000 rows takes seconds.
        var referenceRepeats = all.Length > 100_000 ? Math.Min(repeats, 2) : repeats;
        var referenceUpdate = Median(referenceRepeats, () =>
        {
            for (var r = 0; r < all.Length; r++)
            {
                network.AccumulateLogProbabilityGradient(all[r], actions[r], scales[r], gradient);
            }

            for (var r = 0; r < all.Length; r++)
            {
                network.Probabilities(all[r], one);
            }
        });
        var batchedUpdate = Median(repeats, () =>
        {
            batch.AccumulateLogProbabilityGradient(network.Parameters, all, actions, scales, gradient, probabilities);
            batch.Probabilities(network.Parameters, all, probabilities);
        });
        var referenceDecide = Median(referenceRepeats, () =>
        {
            foreach (var row in all)
            {
                network.Probabilities(row, one);
            }
        });
        var perChild = new double[states[0].Length * 3];
        var batchedPerChild = Median(repeats, () =>
        {
            foreach (var state in states)
            {
                batch.Probabilities(network.Parameters, state, perChild);
            }
        });
        var batchedAll = Median(repeats, () => batch.Probabilities(network.Parameters, all, probabilities));
        return new ArithmeticRow(states.Length, all.Length, referenceUpdate, batchedUpdate, referenceDecide, batchedPerChild, batchedAll);
    }

    // One untimed warm-up, then the median of the timed repeats.
    private static double Median(int repeats, Action work)
    {
        work();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencySummary.Median(times);
    }
}

/// <summary>Part (d): the policy's arithmetic for one child count, reference (double, row by row) against batched float32.</summary>
/// <param name="Children">Simulated children.</param>
/// <param name="Rows">Group rows of a round (children × 45).</param>
/// <param name="ReferenceUpdateMs">Gradient over every row plus the entropy pass, double row by row.</param>
/// <param name="BatchedUpdateMs">The same with <see cref="PolicyBatch"/>.</param>
/// <param name="ReferenceDecideMs">π of every child's rows, double row by row.</param>
/// <param name="BatchedDecidePerChildMs">π of every child's rows, one batched pass per child.</param>
/// <param name="BatchedDecideAllMs">π of every child's rows in one batched pass.</param>
internal sealed record ArithmeticRow(
    int Children,
    int Rows,
    double ReferenceUpdateMs,
    double BatchedUpdateMs,
    double ReferenceDecideMs,
    double BatchedDecidePerChildMs,
    double BatchedDecideAllMs);
