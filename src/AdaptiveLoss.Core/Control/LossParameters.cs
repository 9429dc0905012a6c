namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Φ ∈ R^{C×C} of the classification loss (docs/design.md §1.1): starts at I; only off-diagonal entries move, symmetrically
/// (Φ[i,j] = Φ[j,i]); the diagonal stays 1; off-diagonal entries are clipped to [−φ_max, φ_max].
/// </summary>
public sealed partial class LossParameters
{
    private readonly int _classes;
    private readonly double[] _phi;

    /// <summary>Φ = I for <paramref name="classes"/> classes.</summary>
    public LossParameters(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        _classes = classes;
        _phi = new double[classes * classes];
        for (var i = 0; i < classes; i++)
        {
            _phi[(i * classes) + i] = 1.0;
        }
    }

    /// <summary>Number of classes C.</summary>
    public int Classes => _classes;

    /// <summary>Entry Φ[i, j].</summary>
    public double this[int i, int j] => _phi[Index(i, j)];

    /// <summary>
    /// Adds ActionSet.Delta(actions[p], β) to Φ[i,j] and Φ[j,i] for the p-th pair (i &lt; j, in <see cref="ClassPairs"/>
    /// order), then clips to [−φ_max, φ_max]. Throws ArgumentException if the count is not C(C−1)/2.
    /// </summary>
    public void Apply(IReadOnlyList<int> actions, double beta, double phiMax)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var expected = ClassPairs.Count(_classes);
        if (actions.Count != expected)
        {
            throw new ArgumentException(
                $"expected {expected} actions (one per class pair of {_classes} classes), got {actions.Count}", nameof(actions));
        }

        // Validate every index before touching Φ, so a bad action leaves Φ unchanged.
        for (var p = 0; p < actions.Count; p++)
        {
            ActionSet.Delta(actions[p], beta);
        }

        var pair = 0;
        for (var i = 0; i < _classes; i++)
        {
            for (var j = i + 1; j < _classes; j++)
            {
                var value = Math.Clamp(_phi[Index(i, j)] + ActionSet.Delta(actions[pair++], beta), -phiMax, phiMax);
                _phi[Index(i, j)] = value;
                _phi[Index(j, i)] = value;
            }
        }
    }

    /// <summary>Φ row-major as C·C floats (for the tensor loss).</summary>
    public float[] ToRowMajor()
    {
        var result = new float[_phi.Length];
        for (var k = 0; k < _phi.Length; k++)
        {
            result[k] = (float)_phi[k];
        }

        return result;
    }

    /// <summary>Sets every entry from a row-major copy (restore from a checkpoint); validates symmetry, unit diagonal and finiteness.</summary>
    public void Load(IReadOnlyList<double> rowMajor)
    {
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (rowMajor.Count != _phi.Length)
        {
            throw new ArgumentException(
                $"Φ must have {_phi.Length} entries ({_classes}×{_classes}), got {rowMajor.Count}", nameof(rowMajor));
        }

        for (var i = 0; i < _classes; i++)
        {
            for (var j = 0; j < _classes; j++)
            {
                var value = rowMajor[Index(i, j)];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Φ[{i},{j}] is not finite ({value})", nameof(rowMajor));
                }

                if (i == j && value != 1.0)
                {
                    throw new ArgumentException($"Φ[{i},{i}] must be 1 (got {value})", nameof(rowMajor));
                }

                if (value != rowMajor[Index(j, i)])
                {
                    throw new ArgumentException(
                        $"Φ must be symmetric: Φ[{i},{j}] = {value} but Φ[{j},{i}] = {rowMajor[Index(j, i)]}", nameof(rowMajor));
                }
            }
        }

        for (var k = 0; k < _phi.Length; k++)
        {
            _phi[k] = rowMajor[k];
        }
    }

    /// <summary>Φ row-major as C·C doubles (checkpoints, reports).</summary>
    public double[] ToArray() => (double[])_phi.Clone();

    /// <summary>Min/max off-diagonal entry and ‖Φ − I‖_F.</summary>
    public PhiStats Stats()
    {
        if (_classes < 2)
        {
            return new PhiStats(0, 0, 0);
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var sumSquares = 0.0;
        for (var i = 0; i < _classes; i++)
        {
            for (var j = 0; j < _classes; j++)
            {
                if (i == j)
                {
                    continue;
                }

                // The diagonal of Φ − I is 0 (it stays 1), so only off-diagonal entries enter the norm.
                var value = _phi[Index(i, j)];
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                sumSquares += value * value;
            }
        }

        return new PhiStats(min, max, Math.Sqrt(sumSquares));
    }

    /// <summary>True when every entry is finite.</summary>
    public bool IsFinite()
    {
        foreach (var value in _phi)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    private int Index(int i, int j)
    {
        // Bounds per coordinate: a flat index alone would let Φ[0, C] silently read Φ[1, 0].
        if ((uint)i >= (uint)_classes || (uint)j >= (uint)_classes)
        {
            throw new ArgumentOutOfRangeException(nameof(i), $"Φ[{i},{j}] is outside {_classes}×{_classes}");
        }

        return (i * _classes) + j;
    }
}
