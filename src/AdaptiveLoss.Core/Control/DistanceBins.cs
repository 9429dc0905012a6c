namespace AdaptiveLoss.Core.Control;

/// <summary>
/// B equal distance bins over [0, 2], the range of the Euclidean distance between two L2-normalised embeddings
/// (docs/retrieval.md, "The parametric margin loss"): bin b holds d in [2b/B, 2(b+1)/B), the last one also d = 2.
/// </summary>
public static class DistanceBins
{
    /// <summary>The largest distance of two unit vectors.</summary>
    public const double MaxDistance = 2.0;

    /// <summary>The bin of <paramref name="distance"/> among <paramref name="bins"/>; distances outside [0, 2] go to the end bins.</summary>
    public static int Of(double distance, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (double.IsNaN(distance))
        {
            throw new ArgumentException("a distance is NaN", nameof(distance));
        }

        return (int)Math.Clamp(Math.Floor(distance / MaxDistance * bins), 0, bins - 1);
    }

    /// <summary>How many of <paramref name="distances"/> fall in each of <paramref name="bins"/> bins.</summary>
    public static long[] Histogram(IEnumerable<double> distances, int bins)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var counts = new long[bins];
        foreach (var d in distances)
        {
            counts[Of(d, bins)]++;
        }

        return counts;
    }

    /// <summary>Each bin's share of the total; all zero when there is nothing (a batch or split with no pair of that kind).</summary>
    public static double[] Shares(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0.0 : (double)c / total)];
    }
}
