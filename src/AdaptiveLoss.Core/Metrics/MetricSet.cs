using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// Every validation metric of one evaluation, computed together so a report can show all of them whichever one drives
/// the reward. A retrieval evaluation (docs/retrieval.md) fills the classification members from its leave-one-out
/// nearest-neighbour predictions, <see cref="Aucpr"/> with the pair-verification AUCPR, and adds <see cref="Retrieval"/>.
/// </summary>
/// <param name="Error">Classification error.</param>
/// <param name="BalancedError">Mean per-class error over the classes present.</param>
/// <param name="F1">Macro-F1.</param>
/// <param name="Aucpr">Mean one-vs-rest average precision.</param>
/// <param name="ClassErrors">Per-class error; NaN for a class with no samples.</param>
public sealed record MetricSet(double Error, double BalancedError, double F1, double Aucpr, double[] ClassErrors)
{
    /// <summary>All metrics of <paramref name="logProbabilities"/> (n×C row-major) against <paramref name="labels"/>.</summary>
    public static MetricSet Compute(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        var classErrors = ClassificationMetrics.ClassErrors(logProbabilities, labels, classes);
        return new MetricSet(
            ClassificationMetrics.Error(logProbabilities, labels, classes),
            ClassificationMetrics.MeanOfPresent(classErrors),
            ClassificationMetrics.MacroF1(logProbabilities, labels, classes),
            ClassificationMetrics.MeanAveragePrecision(logProbabilities, labels, classes),
            classErrors);
    }

    /// <summary>Recall@1/2/4/8, NMI and pair AUCPR of a retrieval evaluation; null for classification.</summary>
    public RetrievalMetricSet? Retrieval { get; init; }

    /// <summary>The value of <paramref name="kind"/>, equal to what <see cref="ClassificationMetrics.Evaluate"/> returns.</summary>
    public double Get(MetricKind kind) => kind switch
    {
        MetricKind.Recall1 or MetricKind.Recall2 or MetricKind.Recall4 or MetricKind.Recall8 or MetricKind.Nmi =>
            Retrieval?.Get(kind) ?? throw new InvalidOperationException($"{kind} is a retrieval metric; this evaluation has none"),
        MetricKind.Error => Error,
        MetricKind.BalancedError => BalancedError,
        MetricKind.F1 => F1,
        MetricKind.Aucpr => Aucpr,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Value equality, including the per-class errors element by element (NaN equals NaN).</summary>
    public bool Equals(MetricSet? other) =>
        other is not null
        && Error.Equals(other.Error)
        && BalancedError.Equals(other.BalancedError)
        && F1.Equals(other.F1)
        && Aucpr.Equals(other.Aucpr)
        && Equals(Retrieval, other.Retrieval)
        && ClassErrors.AsSpan().SequenceEqual(other.ClassErrors);

    /// <summary>Hash of the scalar metrics and every per-class error.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Error);
        hash.Add(BalancedError);
        hash.Add(F1);
        hash.Add(Aucpr);
        hash.Add(Retrieval);
        foreach (var error in ClassErrors)
        {
            hash.Add(error);
        }

        return hash.ToHashCode();
    }
}
