namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>The effect of ±β on one pair under a design.</summary>
/// <param name="Beta">Action size.</param>
/// <param name="Target">What the action moved: "pair a-b" or "all pairs".</param>
/// <param name="MeanDelta">Mean over states of r(+β) − r(−β) (pp).</param>
/// <param name="SdDelta">Its SD over states: how much the effect itself changes from state to state.</param>
/// <param name="SignalToNoise">|mean δ| / σ (siblings: / max(SD of δ, σ)); null when the noise is exactly 0 (any consistent δ is then visible).</param>
internal sealed record NoiseFloorDesignEffect(double Beta, string Target, double MeanDelta, double SdDelta, double? SignalToNoise);
