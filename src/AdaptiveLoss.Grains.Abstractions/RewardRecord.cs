namespace AdaptiveLoss.Grains;

/// <summary>One reward as results.json lists it (docs/design.md §4).</summary>
/// <param name="Round">Policy round the transition was used in (1-based).</param>
/// <param name="ChildId">Child key.</param>
/// <param name="Window">Window index.</param>
/// <param name="Reward">r_t.</param>
/// <param name="PolicyVersion">Version of the policy that chose the window's actions.</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.reward-record")]
public sealed record RewardRecord(
    [property: Id(0)] int Round,
    [property: Id(1)] string ChildId,
    [property: Id(2)] int Window,
    [property: Id(3)] double Reward,
    [property: Id(4)] long PolicyVersion);
