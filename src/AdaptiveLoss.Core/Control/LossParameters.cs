namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Φ ∈ R^{C×C} of the classification loss (spec §1.1): starts at I; only off-diagonal entries move, symmetrically
/// (Φ[i,j] = Φ[j,i]); the diagonal stays 1; off-diagonal entries are clipped to [−φ_max, φ_max].
/// </summary>
public sealed class LossParameters
{
    /// <summary>Φ = I for <paramref name="classes"/> classes.</summary>
    public LossParameters(int classes) => throw new NotImplementedException();

    /// <summary>Number of classes C.</summary>
    public int Classes => throw new NotImplementedException();

    /// <summary>Entry Φ[i, j].</summary>
    public double this[int i, int j] => throw new NotImplementedException();

    /// <summary>
    /// Adds ActionSet.Delta(actions[p], β) to Φ[i,j] and Φ[j,i] for the p-th pair (i &lt; j, in <see cref="ClassPairs"/>
    /// order), then clips to [−φ_max, φ_max]. Throws ArgumentException if the count is not C(C−1)/2.
    /// </summary>
    public void Apply(IReadOnlyList<int> actions, double beta, double phiMax) => throw new NotImplementedException();

    /// <summary>Φ row-major as C·C floats (for the tensor loss).</summary>
    public float[] ToRowMajor() => throw new NotImplementedException();

    /// <summary>Sets every entry from a row-major copy (restore from a checkpoint); validates symmetry, unit diagonal and finiteness.</summary>
    public void Load(IReadOnlyList<double> rowMajor) => throw new NotImplementedException();

    /// <summary>Φ row-major as C·C doubles (checkpoints, reports).</summary>
    public double[] ToArray() => throw new NotImplementedException();

    /// <summary>Min/max off-diagonal entry and ‖Φ − I‖_F.</summary>
    public PhiStats Stats() => throw new NotImplementedException();

    /// <summary>True when every entry is finite.</summary>
    public bool IsFinite() => throw new NotImplementedException();
}
