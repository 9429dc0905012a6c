namespace AdaptiveLoss.Core.Options;

/// <summary>Which loss the children train under.</summary>
public enum LossMode
{
    /// <summary>Adaptive Loss Alignment: Φ moves by the policy's actions every window.</summary>
    Ala,
    /// <summary>Plain cross-entropy (baseline); the orchestration is the same, Φ is never used.</summary>
    Ce,
    /// <summary>The parametric form with Φ frozen at I (baseline; for <c>pairwise</c> this equals CE).</summary>
    Fixed,
}
