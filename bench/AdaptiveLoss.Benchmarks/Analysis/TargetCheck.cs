using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// The targets of the effect benchmark (docs/evidence.md; reported, never asserted): ALA's mean test error ≤ 0.93 × cross-entropy's
/// on the long budget, and the learning arm ahead of the frozen control beyond its confidence interval.
/// </summary>
/// <param name="RatioTarget">0.93.</param>
/// <param name="Applies">True on the budget the target is stated for (long).</param>
/// <param name="AlaRatio">mean(ala) / mean(ce).</param>
/// <param name="RatioMet">AlaRatio ≤ RatioTarget; null when unknown.</param>
/// <param name="LearningAheadOfFrozen">The 95 % interval of ala − frozen lies entirely below 0; null when unknown.</param>
internal sealed record TargetCheck(double RatioTarget, bool Applies, double? AlaRatio, bool? RatioMet, bool? LearningAheadOfFrozen)
{
    /// <summary>The ratio ALA must reach: mean test error ≤ 0.93 × cross-entropy's.</summary>
    public const double Ratio = 0.93;

    /// <summary>The budget the target is stated for.</summary>
    public const string Budget = "long";

    /// <summary>The check for <paramref name="budget"/> given ala's ratio and the learning-vs-frozen difference.</summary>
    public static TargetCheck Of(string budget, double? alaRatio, PairedDifference? learningVsFrozen) => new(
        Ratio,
        budget == Budget,
        alaRatio,
        alaRatio is { } r ? r <= Ratio : null,
        learningVsFrozen?.Interval is { } ci ? ci.High < 0 : null);
}
