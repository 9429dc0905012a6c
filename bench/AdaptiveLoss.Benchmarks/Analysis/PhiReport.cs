namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>A Φ shown beside another: ALA's learned one, or the best static one of the sweep.</summary>
/// <param name="Arm">The arm it comes from.</param>
/// <param name="ChildId">The child whose final Φ it is (ALA's best by validation); null for a static Φ.</param>
/// <param name="ValidationMetric">The validation metric it was chosen by (the child's, or the static arm's mean).</param>
/// <param name="Matrix">C rows of C entries.</param>
internal sealed record PhiReport(string Arm, string? ChildId, double? ValidationMetric, double[][] Matrix);
