namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>One reward under one design: its noise floor σ (pp) and, per β, the effect δ and the per-round signal-to-noise ratio.</summary>
/// <param name="Horizon">Windows between the fork and the measurement (the action held throughout).</param>
/// <param name="Reward">Which reward: the policy's global one or the acted-on pair's share.</param>
/// <param name="Design">How the two compared branches differ besides their actions.</param>
/// <param name="Sigma">SD of the reward difference of two branches with identical actions (pp).</param>
/// <param name="Effects">Per β.</param>
internal sealed record NoiseFloorDesign(int Horizon, string Reward, string Design, double Sigma, IReadOnlyList<NoiseFloorDesignEffect> Effects);
