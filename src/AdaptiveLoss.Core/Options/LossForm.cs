namespace AdaptiveLoss.Core.Options;

/// <summary>The family of the parametric loss l_Φ (docs/design.md §1.1).</summary>
public enum LossForm
{
    /// <summary>Bounded pair-wise form: CE plus Σ_{j≠y} [Φ⁺·(−log p_j) + Φ⁻·(−log(1−p_j))]. The default.</summary>
    Pairwise,
    /// <summary>The paper's family l_Φ = −σ(Σ_j Φ[y,j]·log p_j); saturates once predictions are confident.</summary>
    Sigmoid,
}
