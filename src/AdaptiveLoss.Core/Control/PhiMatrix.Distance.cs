namespace AdaptiveLoss.Core.Control;

public static partial class PhiMatrix
{
    /// <summary>
    /// ‖A − B‖_F over the off-diagonal entries (both Φ[i,j] and Φ[j,i], as ‖Φ − I‖_F of <see cref="PhiStats"/> counts
    /// them): the distance of a learned Φ from a static one (docs/mismatch.md, "Distance from the best static Φ"). The
    /// diagonal is left out because the family keeps it at 1. Throws <see cref="ArgumentException"/> when the two are not
    /// square matrices of one size.
    /// </summary>
    public static double Distance(IReadOnlyList<IReadOnlyList<double>> a, IReadOnlyList<IReadOnlyList<double>> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var classes = a.Count;
        if (b.Count != classes || a.Concat(b).Any(row => row is null || row.Count != classes))
        {
            throw new ArgumentException($"Φs of different or non-square shapes: {Shape(a)} and {Shape(b)}");
        }

        var sumSquares = 0.0;
        for (var i = 0; i < classes; i++)
        {
            for (var j = 0; j < classes; j++)
            {
                if (i != j)
                {
                    var difference = a[i][j] - b[i][j];
                    sumSquares += difference * difference;
                }
            }
        }

        return Math.Sqrt(sumSquares);
    }

    private static string Shape(IReadOnlyList<IReadOnlyList<double>> rows) =>
        $"{rows.Count}×{(rows.Count == 0 ? 0 : rows.Max(r => r?.Count ?? 0))}";
}
