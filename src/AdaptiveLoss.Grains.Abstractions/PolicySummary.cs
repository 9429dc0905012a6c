namespace AdaptiveLoss.Grains;

/// <summary>State of a shared policy: version, updates, transitions, rounds and the reward log.</summary>
/// <param name="PolicyId">Coordinator key.</param>
/// <param name="Version">Updates applied (the version stamped on decisions).</param>
/// <param name="Updates">Policy updates performed in this coordinator's life.</param>
/// <param name="Transitions">Transitions used in rounds.</param>
/// <param name="Rounds">Rounds closed.</param>
/// <param name="DiscardedTransitions">Transitions rejected by the guards.</param>
/// <param name="Rewards">Every reward, in round order.</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.policy-summary")]
public sealed record PolicySummary(
    [property: Id(0)] string PolicyId,
    [property: Id(1)] long Version,
    [property: Id(2)] long Updates,
    [property: Id(3)] long Transitions,
    [property: Id(4)] int Rounds,
    [property: Id(5)] int DiscardedTransitions,
    [property: Id(6)] IReadOnlyList<RewardRecord> Rewards);
