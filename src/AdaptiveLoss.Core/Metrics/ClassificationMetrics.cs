using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// Metrics of a classifier from its per-sample log-probabilities (n×C row-major floats, as copied off a tensor) and
/// labels. All are fractions in [0, 1].
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Fraction of samples whose arg-max class (lowest index on ties) differs from the label.</summary>
    public static double Error(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) => throw new NotImplementedException();

    /// <summary>Macro-F1 over all C classes; a class with no true and no predicted samples scores 0 (and still counts).</summary>
    public static double MacroF1(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) => throw new NotImplementedException();

    /// <summary>Mean over classes of one-vs-rest average precision (area under the PR curve, step interpolation; tied scores form one threshold). A class with no positives is skipped.</summary>
    public static double MeanAveragePrecision(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) => throw new NotImplementedException();

    /// <summary>Soft confusion C (spec §1.2): C[i, j] = mean over samples of true class i of −log p_j(x); rows of absent classes are 0.</summary>
    public static double[,] SoftConfusion(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) => throw new NotImplementedException();

    /// <summary>The value of <paramref name="metric"/>.</summary>
    public static double Evaluate(MetricKind metric, ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) => metric switch
    {
        MetricKind.Error => Error(logProbabilities, labels, classes),
        MetricKind.F1 => MacroF1(logProbabilities, labels, classes),
        MetricKind.Aucpr => MeanAveragePrecision(logProbabilities, labels, classes),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>Error is lower-is-better; F1 and AUCPR higher-is-better.</summary>
    public static MetricDirection Direction(MetricKind metric) =>
        metric == MetricKind.Error ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;
}
