using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Metrics;

/// <summary>Every retrieval metric of one evaluation (docs/retrieval.md, "Metrics"), each a fraction, higher is better.</summary>
/// <param name="Recall1">Recall@1.</param>
/// <param name="Recall2">Recall@2.</param>
/// <param name="Recall4">Recall@4.</param>
/// <param name="Recall8">Recall@8.</param>
/// <param name="Nmi">NMI of k-means (k = the number of classes) with the classes.</param>
/// <param name="Aucpr">Pair-verification AUCPR.</param>
public sealed record RetrievalMetricSet(double Recall1, double Recall2, double Recall4, double Recall8, double Nmi, double Aucpr)
{
    /// <summary>The value of a retrieval <paramref name="kind"/>.</summary>
    public double Get(MetricKind kind) => kind switch
    {
        MetricKind.Recall1 => Recall1,
        MetricKind.Recall2 => Recall2,
        MetricKind.Recall4 => Recall4,
        MetricKind.Recall8 => Recall8,
        MetricKind.Nmi => Nmi,
        MetricKind.Aucpr => Aucpr,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a retrieval metric"),
    };
}
