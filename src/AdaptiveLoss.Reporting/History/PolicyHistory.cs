namespace AdaptiveLoss.Reporting.History;

/// <summary>The shared policy at the end of the experiment (the reward log is <see cref="RunHistory.Rewards"/>).</summary>
/// <param name="PolicyId">Coordinator key.</param>
/// <param name="Version">Updates applied: the version the last decisions carried.</param>
/// <param name="Updates">Policy updates performed.</param>
/// <param name="Transitions">Transitions used in rounds.</param>
/// <param name="Rounds">Rounds closed.</param>
/// <param name="DiscardedTransitions">Transitions the guards rejected.</param>
/// <param name="FromPolicy">The snapshot the policy started from (<c>ala run --policy</c>, e.g. "fashion@65"); null for a random initialisation.</param>
public sealed record PolicyHistory(
    string PolicyId,
    long Version,
    long Updates,
    long Transitions,
    int Rounds,
    int DiscardedTransitions,
    string? FromPolicy = null);
