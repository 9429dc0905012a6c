namespace AdaptiveLoss.Core.Coordination;

/// <summary>One reward of the coordinator's reward log (docs/design.md §4: results.json lists them).</summary>
/// <param name="Round">Policy round the transition was used in (1-based).</param>
/// <param name="ChildId">Child key.</param>
/// <param name="Window">Window index.</param>
/// <param name="Reward">r_t.</param>
/// <param name="PolicyVersion">Version of the policy that chose the window's actions.</param>
public sealed record RoundReward(int Round, string ChildId, int Window, double Reward, long PolicyVersion);
