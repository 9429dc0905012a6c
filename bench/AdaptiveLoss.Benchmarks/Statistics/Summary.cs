namespace AdaptiveLoss.Benchmarks.Statistics;

/// <summary>Count, mean and sample standard deviation (n − 1 in the denominator) of a set of values.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Arithmetic mean; null when there are no values.</param>
/// <param name="Std">Sample standard deviation; null when there are fewer than two values.</param>
internal sealed record Summary(int N, double? Mean, double? Std)
{
    /// <summary>Summarises <paramref name="values"/>.</summary>
    public static Summary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new Summary(0, null, null);
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new Summary(1, mean, null);
        }

        var squares = values.Sum(v => (v - mean) * (v - mean));
        return new Summary(values.Count, mean, Math.Sqrt(squares / (values.Count - 1)));
    }
}
