namespace AdaptiveLoss.Benchmarks.Statistics;

/// <summary>
/// Two-sided 95 % quantiles of Student's t distribution, t_{0.975, df}: a table for df 1..30 (standard tables, four
/// decimals), the normal quantile 1.96 beyond. No quantile exists for df 0 (a single pair has no spread).
/// </summary>
internal static class TQuantiles
{
    /// <summary>z_{0.975}, used for df above the table.</summary>
    public const double Normal975 = 1.96;

    private static readonly double[] Table =
    [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ];

    /// <summary>t_{0.975, df}; null for df below 1.</summary>
    public static double? TwoSided95(int degreesOfFreedom) => degreesOfFreedom switch
    {
        < 1 => null,
        <= 30 => Table[degreesOfFreedom - 1],
        _ => Normal975,
    };
}
