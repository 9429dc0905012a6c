namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// One one-step episode (T = 1, docs/design.md §1): the state s_t (one feature row per group), the action indices a_t chosen for
/// it, the reward r_t of the window that followed, and the policy version that made the decision. With pair credit
/// (docs/credit.md) <paramref name="GroupRewards"/> holds one reward per group, and each group's action is credited
/// with its own; null = every group shares <paramref name="Reward"/>. With sibling rounds <paramref name="Lineage"/> names
/// the child the sibling branched from, and its advantages are taken against the same lineage's transitions of the round.
/// </summary>
public sealed record Transition(string ChildId, int Window, float[][] States, int[] Actions, double Reward, long PolicyVersion,
    double[]? GroupRewards = null, string? Lineage = null);
