namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The compact form of a classification Φ that every window summary carries (docs/mismatch.md, "Distance from the best
/// static Φ"): its C(C−1)/2 entries Φ[i,j] with i &lt; j, in <see cref="ClassPairs"/> order (the order of the policy's pair
/// groups), as float32. Φ is symmetric with a unit diagonal (<see cref="LossParameters"/>), so these entries are all of
/// it, in under half of the C·C values; float32 keeps a window's Φ at 4 bytes per pair in grain messages.
/// </summary>
public static class PhiPairs
{
    /// <summary>The pairs' entries of <paramref name="phi"/>, float32, in <see cref="ClassPairs"/> order.</summary>
    public static float[] Of(LossParameters phi)
    {
        ArgumentNullException.ThrowIfNull(phi);
        return [.. ClassPairs.Enumerate(phi.Classes).Select(p => (float)phi[p.I, p.J])];
    }

    /// <summary>The number of classes C whose C(C−1)/2 pairs are <paramref name="count"/>; null when no C has that many.</summary>
    public static int? ClassesOf(int count)
    {
        // C(C−1)/2 = n ⇔ C = (1 + √(1 + 8n)) / 2; checked back in integers so rounding cannot pass a wrong count.
        var classes = (int)Math.Round((1 + Math.Sqrt(1 + (8.0 * count))) / 2);
        return count >= 1 && ClassPairs.Count(classes) == count ? classes : null;
    }

    /// <summary>
    /// The full C×C Φ (C rows; unit diagonal, Φ[j,i] = Φ[i,j]) from its pairs' entries. Throws
    /// <see cref="ArgumentException"/> when <paramref name="pairs"/> is not C(C−1)/2 long for some C ≥ 2.
    /// </summary>
    public static double[][] ToMatrix(IReadOnlyList<float> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var classes = ClassesOf(pairs.Count)
            ?? throw new ArgumentException($"{pairs.Count} Φ entries is not C(C−1)/2 for any number of classes C", nameof(pairs));
        var matrix = Enumerable.Range(0, classes).Select(i => { var row = new double[classes]; row[i] = 1; return row; }).ToArray();
        var p = 0;
        foreach (var (i, j) in ClassPairs.Enumerate(classes))
        {
            matrix[i][j] = matrix[j][i] = pairs[p++];
        }

        return matrix;
    }
}
