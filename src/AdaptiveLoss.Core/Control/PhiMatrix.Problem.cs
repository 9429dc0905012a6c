using System.Globalization;

namespace AdaptiveLoss.Core.Control;

/// <summary>Validation of a user-given Φ against the task.</summary>
public static partial class PhiMatrix
{
    // Bound on |Φ[i,j]| whatever φ_max: beyond it the loss's class coupling is surely a typo.
    private const double MaxMagnitude = 10;

    /// <summary>
    /// Null when <paramref name="rows"/> is a valid Φ for <paramref name="classes"/> classes, else a one-line message:
    /// C rows of C entries, every entry finite with |Φ[i,j]| ≤ 10, the diagonal exactly 1, symmetric within 1e-12, and
    /// every off-diagonal |Φ[i,j]| ≤ <paramref name="phiMax"/> when given.
    /// </summary>
    public static string? Problem(double[][] rows, int classes, double? phiMax)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Length == 0 || rows[0] is null ? 0 : rows[0].Length;
        if (rows.Length != classes || columns != classes)
        {
            return $"Φ is {rows.Length}×{columns}, the task has {classes} classes";
        }

        for (var i = 0; i < classes; i++)
        {
            if (rows[i] is null || rows[i].Length != classes)
            {
                return $"row {i} has {rows[i]?.Length ?? 0} entries, expected {classes}";
            }
        }

        for (var i = 0; i < classes; i++)
        {
            for (var j = 0; j < classes; j++)
            {
                if (EntryProblem(rows, i, j, phiMax) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string? EntryProblem(double[][] rows, int i, int j, double? phiMax)
    {
        var value = rows[i][j];
        var at = $"Φ[{i},{j}] = {Text(value)}";
        if (!double.IsFinite(value))
        {
            return $"{at} is not finite";
        }

        if (Math.Abs(value) > MaxMagnitude)
        {
            return $"{at} is outside [−{Text(MaxMagnitude)}, {Text(MaxMagnitude)}]";
        }

        if (i == j)
        {
            // Φ keeps its diagonal at 1 (docs/design.md §1.1); only class couplings move.
            return value == 1 ? null : $"{at}, but the diagonal of Φ must be 1";
        }

        if (Math.Abs(value - rows[j][i]) > 1e-12)
        {
            return $"{at} but Φ[{j},{i}] = {Text(rows[j][i])}: Φ must be symmetric";
        }

        return phiMax is { } max && Math.Abs(value) > max ? $"{at} is outside [−{Text(max)}, {Text(max)}] (--phi-max)" : null;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
