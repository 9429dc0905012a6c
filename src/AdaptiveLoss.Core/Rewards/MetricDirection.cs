namespace AdaptiveLoss.Core.Rewards;

/// <summary>Whether a metric improves downwards (error) or upwards (F1, AUCPR).</summary>
public enum MetricDirection
{
    /// <summary>Smaller is better (classification error).</summary>
    LowerIsBetter,
    /// <summary>Larger is better (macro-F1, AUCPR, Recall@K).</summary>
    HigherIsBetter,
}
