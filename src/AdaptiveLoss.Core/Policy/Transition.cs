namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// One one-step episode (T = 1, docs/design.md §1): the state s_t (one feature row per group), the action indices a_t chosen for
/// it, the reward r_t of the window that followed, and the policy version that made the decision.
/// </summary>
public sealed record Transition(string ChildId, int Window, float[][] States, int[] Actions, double Reward, long PolicyVersion);
