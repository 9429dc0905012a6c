namespace AdaptiveLoss.Core.Options;

/// <summary>How a window's reward is credited to the policy's decisions (docs/credit.md).</summary>
public enum CreditKind
{
    /// <summary>One reward for the whole window, shared by every group's action (the paper's Eq. 4–5).</summary>
    Global,

    /// <summary>
    /// A difference reward per class pair: the drop of that pair's own share of the metric (its confusions N_ij + N_ji,
    /// weighted as the metric weights them) over the window, with a per-pair baseline over the round.
    /// </summary>
    Pair,
}
