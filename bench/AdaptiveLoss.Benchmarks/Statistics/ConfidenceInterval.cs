namespace AdaptiveLoss.Benchmarks.Statistics;

/// <summary>A two-sided 95 % t-interval for a mean: mean ± t_{0.975, n−1} · s / √n.</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
/// <param name="HalfWidth">t · s / √n.</param>
/// <param name="T">The quantile used.</param>
/// <param name="DegreesOfFreedom">n − 1.</param>
internal sealed record ConfidenceInterval(double Low, double High, double HalfWidth, double T, int DegreesOfFreedom)
{
    /// <summary>True when the interval lies entirely above or entirely below zero.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;

    /// <summary>The interval of <paramref name="summary"/>'s mean; null when n &lt; 2 (no spread, df 0).</summary>
    public static ConfidenceInterval? Of(Summary summary)
    {
        if (summary.Mean is not { } mean || summary.Std is not { } std || TQuantiles.TwoSided95(summary.N - 1) is not { } t)
        {
            return null;
        }

        var halfWidth = t * std / Math.Sqrt(summary.N);
        return new ConfidenceInterval(mean - halfWidth, mean + halfWidth, halfWidth, t, summary.N - 1);
    }
}
