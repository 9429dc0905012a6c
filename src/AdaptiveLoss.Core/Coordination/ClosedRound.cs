using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>A round the coordinator closed: its number, size, mean reward, the version after it and its update (null when not learning).</summary>
public sealed record ClosedRound(int Round, int Transitions, double MeanReward, long Version, PolicyUpdate? Update);
