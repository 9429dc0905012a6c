namespace AdaptiveLoss.Core.Options;

/// <summary>How the policy's decisions on Φ are grouped (docs/mismatch.md, "coarser actions").</summary>
public enum PhiGroupKind
{
    /// <summary>One decision per class pair, C(C−1)/2 groups (the paper's design).</summary>
    Pairs,

    /// <summary>
    /// One decision that moves every off-diagonal entry of Φ by the same ±β: the whole global reward credits one group
    /// instead of being shared by C(C−1)/2 (docs/noise-floor.md, longer horizons: that action's per-round SNR is above 1).
    /// </summary>
    All,
}
