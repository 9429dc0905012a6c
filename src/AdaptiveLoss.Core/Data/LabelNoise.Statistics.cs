namespace AdaptiveLoss.Core.Data;

/// <summary>The transition matrix that a draw of noise actually realised.</summary>
public sealed partial record LabelNoise
{
    /// <summary>
    /// Realised transitions: row i is the fraction of clean-class-i labels that became each class j (each present row
    /// sums to 1); rows of classes absent from <paramref name="clean"/> are 0. Throws ArgumentException when the lengths
    /// differ or a label is outside [0, C).
    /// </summary>
    public static double[,] RealisedMatrix(ReadOnlySpan<int> clean, ReadOnlySpan<int> noisy, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (clean.Length != noisy.Length)
        {
            throw new ArgumentException($"{clean.Length} clean labels but {noisy.Length} noisy ones", nameof(noisy));
        }

        var matrix = new double[classes, classes];
        var totals = new int[classes];
        for (var k = 0; k < clean.Length; k++)
        {
            if ((uint)clean[k] >= (uint)classes || (uint)noisy[k] >= (uint)classes)
            {
                throw new ArgumentException(
                    $"labels {clean[k]} → {noisy[k]} of sample {k} are not both in [0, {classes})", nameof(clean));
            }

            matrix[clean[k], noisy[k]]++;
            totals[clean[k]]++;
        }

        for (var i = 0; i < classes; i++)
        {
            for (var j = 0; totals[i] > 0 && j < classes; j++)
            {
                matrix[i, j] /= totals[i];
            }
        }

        return matrix;
    }
}
