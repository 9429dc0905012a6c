namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>Order statistics of a set of timings in milliseconds (nearest-rank percentiles).</summary>
/// <param name="N">Number of timings.</param>
/// <param name="MedianMs">Median (mean of the middle two for an even count).</param>
/// <param name="P99Ms">99th percentile (nearest rank: the smallest value with at least 99 % of the timings at or below it).</param>
/// <param name="MeanMs">Arithmetic mean.</param>
/// <param name="MinMs">Fastest.</param>
/// <param name="MaxMs">Slowest.</param>
internal sealed record LatencySummary(int N, double MedianMs, double P99Ms, double MeanMs, double MinMs, double MaxMs)
{
    /// <summary>Summarises <paramref name="milliseconds"/> (at least one value).</summary>
    public static LatencySummary Of(IReadOnlyList<double> milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(milliseconds.Count);
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Median(sorted), Percentile(sorted, 0.99), sorted.Average(), sorted[0], sorted[^1]);
    }

    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Length);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile of ascending <paramref name="sorted"/>, <paramref name="p"/> in (0, 1].</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
