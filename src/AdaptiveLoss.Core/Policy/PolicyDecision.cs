namespace AdaptiveLoss.Core.Policy;

/// <summary>The actions sampled for one state, and the policy version whose weights produced them.</summary>
/// <param name="Actions">One action index per group (<see cref="Control.ActionSet"/>).</param>
/// <param name="PolicyVersion">Number of policy updates applied before this decision.</param>
/// <param name="Entropy">Mean entropy (nats) of the per-group action distributions.</param>
public sealed record PolicyDecision(int[] Actions, long PolicyVersion, double Entropy);
