namespace AdaptiveLoss.Core.Control;

/// <summary>Φ started from a given matrix rather than I.</summary>
public sealed partial class LossParameters
{
    // Asymmetry tolerated in a given Φ (as PhiMatrix.Problem), then averaged away so Φ is exactly symmetric.
    private const double SymmetryTolerance = 1e-12;

    /// <summary>
    /// Φ starting from <paramref name="rowMajor"/> (C·C entries, row-major), e.g. a user-given Φ from
    /// <see cref="PhiMatrix"/>; <see cref="Apply"/> then moves it as it would move I. Entries must be finite, the
    /// diagonal exactly 1 and the matrix symmetric within 1e-12 (Φ[i,j] and Φ[j,i] are stored as their mean).
    /// Throws ArgumentException otherwise.
    /// </summary>
    public LossParameters(int classes, IReadOnlyList<double> rowMajor)
        : this(classes)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rowMajor.Count != _phi.Length)
        {
            throw new ArgumentException(
                $"Φ must have {_phi.Length} entries ({classes}×{classes}), got {rowMajor.Count}", nameof(rowMajor));
        }

        for (var i = 0; i < classes; i++)
        {
            for (var j = i; j < classes; j++)
            {
                var upper = rowMajor[(i * classes) + j];
                var lower = rowMajor[(j * classes) + i];
                if (!double.IsFinite(upper) || !double.IsFinite(lower))
                {
                    throw new ArgumentException($"Φ[{i},{j}] or Φ[{j},{i}] is not finite ({upper}, {lower})", nameof(rowMajor));
                }

                if (i == j && upper != 1.0)
                {
                    throw new ArgumentException($"Φ[{i},{i}] must be 1 (got {upper})", nameof(rowMajor));
                }

                if (Math.Abs(upper - lower) > SymmetryTolerance)
                {
                    throw new ArgumentException(
                        $"Φ must be symmetric: Φ[{i},{j}] = {upper} but Φ[{j},{i}] = {lower}", nameof(rowMajor));
                }

                var value = i == j ? 1.0 : (upper + lower) / 2;
                _phi[(i * classes) + j] = value;
                _phi[(j * classes) + i] = value;
            }
        }
    }
}
