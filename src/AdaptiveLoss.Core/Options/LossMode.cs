namespace AdaptiveLoss.Core.Options;

/// <summary>
/// Which loss the children train under: ALA, or one of the static losses practitioners use for loss–metric mismatch
/// (docs/mismatch.md). Every mode runs the same orchestration; only <see cref="Ala"/> lets the actions move Φ.
/// </summary>
public enum LossMode
{
    /// <summary>Adaptive Loss Alignment: Φ moves by the policy's actions every window.</summary>
    Ala,
    /// <summary>Plain cross-entropy (baseline); the orchestration is the same, Φ is never used.</summary>
    Ce,
    /// <summary>The parametric form with Φ fixed: I, or the user's <see cref="ExperimentOptions.Phi"/> (a static arm).</summary>
    Fixed,
    /// <summary>Label smoothing: (1 − ε)·(−log p_y) + ε·mean_j(−log p_j), ε = <see cref="ExperimentOptions.Smoothing"/>.</summary>
    LabelSmoothing,
    /// <summary>Focal loss (Lin et al. 2017): −(1 − p_y)^γ log p_y, γ = <see cref="ExperimentOptions.FocalGamma"/>.</summary>
    Focal,
    /// <summary>Class-balanced CE (Cui et al. 2019): w_y·(−log p_y) with effective-number weights, β = <see cref="ExperimentOptions.ClassBalanceBeta"/>.</summary>
    ClassBalanced,
    /// <summary>Logit-adjusted loss (Menon et al. 2021): CE on z + τ·log π, π = training class priors, τ = <see cref="ExperimentOptions.Tau"/>.</summary>
    LogitAdjusted,
    /// <summary>Forward correction (Patrini et al. 2017) with the true noise matrix T: −log (softmax(z)·T)_y. An oracle: it knows the noise.</summary>
    Forward,
}
