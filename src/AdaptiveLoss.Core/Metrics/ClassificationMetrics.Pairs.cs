using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// The share of an error-type metric that each class pair owns: the difference-reward decomposition of
/// docs/mismatch.md ("credit"). Error = Σ_{i≠j} N_ij / n and balanced error = (1/C) Σ_i Σ_{j≠i} N_ij / n_i, with N_ij
/// the samples of true class i predicted j, so both are sums over pairs (i &lt; j) of the pair's two confusions
/// weighted as the metric weights them; a pair's share falls exactly when the model stops confusing those two classes.
/// </summary>
public static partial class ClassificationMetrics
{
    /// <summary>
    /// Per pair (i, j), in <see cref="ClassPairs"/> order, its share of <paramref name="metric"/>: (N_ij + N_ji)/n for
    /// error, (N_ij/n_i + N_ji/n_j)/C' for balanced error (C' = classes with samples; an absent class contributes 0).
    /// The shares sum to the metric. Throws for metrics that are not sums over pairs (F1, AUCPR).
    /// </summary>
    public static double[] PairShares(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes, MetricKind metric)
    {
        if (metric is not (MetricKind.Error or MetricKind.BalancedError))
        {
            throw new ArgumentException($"{metric} is not a sum over class pairs; only error and balanced-error have pair shares", nameof(metric));
        }

        Validate(logProbabilities, labels, classes);
        var confusions = new int[classes, classes];
        var totals = new int[classes];
        for (var k = 0; k < labels.Length; k++)
        {
            totals[labels[k]]++;
            confusions[labels[k], ArgMax(logProbabilities.Slice(k * classes, classes))]++;
        }

        var present = totals.Count(t => t > 0);
        var n = labels.Length;
        double Weight(int i) => totals[i] == 0 ? 0.0
            : metric == MetricKind.Error ? 1.0 / n
            : 1.0 / ((double)totals[i] * present);

        var shares = new double[ClassPairs.Count(classes)];
        var pair = 0;
        foreach (var (i, j) in ClassPairs.Enumerate(classes))
        {
            shares[pair++] = (confusions[i, j] * Weight(i)) + (confusions[j, i] * Weight(j));
        }

        return shares;
    }
}
