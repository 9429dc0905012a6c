namespace AdaptiveLoss.Core.Policy;

/// <summary>What one REINFORCE update did (for logs, telemetry and tests).</summary>
/// <param name="Version">Policy version after the update.</param>
/// <param name="FreshTransitions">Transitions of this round.</param>
/// <param name="ReplayedTransitions">Transitions sampled from the replay memory.</param>
/// <param name="MeanReward">Mean reward of the round's transitions.</param>
/// <param name="Baseline">Baseline b used for the round (population mean or EMA before this round).</param>
/// <param name="MeanAdvantage">Mean of r − b over the round.</param>
/// <param name="GradientNorm">L2 norm of the policy gradient that was applied.</param>
/// <param name="AdvantageStd">Population standard deviation of r − b over the round (0 for a single transition).</param>
/// <param name="Entropy">
/// Mean entropy (nats) of the updated policy's action distributions over the round's states (every group of every
/// fresh transition): ln 3 ≈ 1.099 is uniform, 0 a deterministic policy; a fall shows the policy committing.
/// </param>
public sealed record PolicyUpdate(long Version, int FreshTransitions, int ReplayedTransitions, double MeanReward,
    double Baseline, double MeanAdvantage, double GradientNorm, double AdvantageStd, double Entropy);
