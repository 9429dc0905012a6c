using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>A round the coordinator closed: its number, size, mean reward and the update it caused (null when frozen).</summary>
internal sealed record ClosedRound(int Round, int Transitions, double MeanReward, long Version, PolicyUpdate? Update);
