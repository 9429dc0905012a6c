namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The 24-feature state per class pair (spec §1.2): the last H (= 10) observations of (C_ij, C_ji), most recent
/// first, zero-padded (20); their relative change (current − mean of the earlier ones)/(that mean + ε), clipped to
/// [−3, 3] (2); Φ[i,j] (1); training progress (1). C values enter as log1p(C) (scaling, measured: raw values up to
/// ~20 saturate an untrained policy). Feature count = 2H + 4.
/// </summary>
public sealed class PairStateBuilder
{
    /// <summary>Builder for <paramref name="classes"/> classes keeping <paramref name="history"/> observations.</summary>
    public PairStateBuilder(int classes, int history = 10) => throw new NotImplementedException();

    /// <summary>2H + 4.</summary>
    public int FeatureCount => throw new NotImplementedException();

    /// <summary>Records one soft-confusion matrix C (C×C, row = true class) as the newest observation.</summary>
    public void Observe(double[,] softConfusion) => throw new NotImplementedException();

    /// <summary>One row of features per pair, in <see cref="ClassPairs"/> order.</summary>
    public float[][] Build(LossParameters phi, double progress) => throw new NotImplementedException();

    /// <summary>The stored observations, oldest first (for checkpoints).</summary>
    public IReadOnlyList<double[,]> History => throw new NotImplementedException();
}
