namespace AdaptiveLoss.Benchmarks.Statistics;

/// <summary>Trailing moving average: element i is the mean of the last min(i + 1, width) values.</summary>
internal static class MovingAverage
{
    /// <summary>The trailing mean of <paramref name="values"/> over <paramref name="width"/> points.</summary>
    public static double[] Trailing(IReadOnlyList<double> values, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var result = new double[values.Count];
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= width)
            {
                sum -= values[i - width];
            }

            result[i] = sum / Math.Min(i + 1, width);
        }

        return result;
    }
}
