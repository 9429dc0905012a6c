namespace AdaptiveLoss.Core.Options;

/// <summary>How the window's metric improvement becomes a reward (docs/design.md §1.5).</summary>
public enum RewardKind
{
    /// <summary>The raw improvement of the discounted window metric, in percentage points. The default.</summary>
    Diff,
    /// <summary>The sign of that improvement (the paper's Eq. 5): +1, 0 or −1.</summary>
    Sign,
}
