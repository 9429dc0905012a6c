namespace AdaptiveLoss.Core.Data;

/// <summary>What the data transforms made of a run's training split (recorded in results.json, docs/mismatch.md).</summary>
/// <param name="TrainClassCounts">Training images per observed (possibly noisy) label: the priors π of logit adjustment.</param>
/// <param name="NoiseMatrix">The realised label transition: row i = fraction of clean class i labelled j; null without noise.</param>
public sealed record DataSummary(int[] TrainClassCounts, double[][]? NoiseMatrix)
{
    /// <summary>Images per label: entry c counts the labels equal to c (labels in 0..C−1).</summary>
    public static int[] CountClasses(IEnumerable<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new int[classes];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>A C×C matrix as rows (JSON has no two-dimensional arrays).</summary>
    public static double[][] Rows(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return Enumerable.Range(0, matrix.GetLength(0))
            .Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray())
            .ToArray();
    }
}
