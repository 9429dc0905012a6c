namespace AdaptiveLoss.Core.Tests.Metrics;

/// <summary>Builds n×C row-major log-probabilities from probability rows.</summary>
internal static class MetricRows
{
    public static float[] LogOf(params double[][] rows)
    {
        var result = new float[rows.Length * rows[0].Length];
        for (var k = 0; k < rows.Length; k++)
        {
            for (var c = 0; c < rows[k].Length; c++)
            {
                result[(k * rows[k].Length) + c] = (float)Math.Log(rows[k][c]);
            }
        }

        return result;
    }

    // label → prediction: 0→0, 0→1, 0→0, 1→1, 1→2, 2→2; class 3 has no samples.
    public static readonly int[] SixLabels = [0, 0, 0, 1, 1, 2];

    public static float[] SixSamples() => LogOf(
        [0.7, 0.1, 0.1, 0.1],
        [0.1, 0.7, 0.1, 0.1],
        [0.4, 0.3, 0.2, 0.1],
        [0.1, 0.6, 0.2, 0.1],
        [0.1, 0.2, 0.6, 0.1],
        [0.2, 0.1, 0.6, 0.1]);
}
