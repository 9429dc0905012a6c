using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Children;

/// <summary>
/// What a child reports at the end of a window: the transition (state, actions, reward, policy version) for the
/// coordinator and the progress for its grain. A discarded window (a guard fired, docs/design.md §1.7) carries the reason and
/// must never reach the policy.
/// </summary>
/// <param name="ChildId">Child key, "{experimentId}/{index}".</param>
/// <param name="Window">Window index, 0-based.</param>
/// <param name="Epoch">Epoch the window ended in, 0-based.</param>
/// <param name="Iteration">Training iterations done so far.</param>
/// <param name="TotalIterations">Training iterations of the whole run.</param>
/// <param name="Metrics">The S validation measurements M_1..M_S of the window (fractions).</param>
/// <param name="WindowMetric">Their discounted mean M̄ (Eq. 4).</param>
/// <param name="Reward">r_t from M̄_prev and M̄ (docs/design.md §1.5).</param>
/// <param name="PolicyVersion">Version of the policy that chose <paramref name="Actions"/>.</param>
/// <param name="States">s_t, one feature row per group.</param>
/// <param name="Actions">a_t, one action index per group.</param>
/// <param name="Discarded">True when a guard fired and the child was rolled back.</param>
/// <param name="DiscardReason">Why, when discarded.</param>
/// <param name="Phi">Φ after the window's actions.</param>
/// <param name="TrainLoss">Mean training loss over the window.</param>
/// <param name="ImagesPerSecond">Training throughput of the window (excluding evaluation).</param>
/// <param name="ValidationError">Validation classification error at the window end.</param>
/// <param name="GroupRewards">With pair credit, one difference reward per group (docs/credit.md); null otherwise.</param>
/// <param name="Lineage">
/// With sibling rounds, the child this sibling branched from (<paramref name="ChildId"/> is the sibling's id,
/// <see cref="Siblings.Id"/>): its reward is compared with those of the same lineage (docs/credit.md); null otherwise.
/// </param>
/// <param name="PhiPairs">Φ after the window's actions in its compact form (<see cref="AdaptiveLoss.Core.Control.PhiPairs"/>: Φ[i,j], i &lt; j, float32),
/// for a classification loss that uses Φ (ala, fixed); null otherwise (docs/mismatch.md, "Distance from the best static Φ").</param>
public sealed record WindowReport(
    string ChildId,
    int Window,
    int Epoch,
    long Iteration,
    long TotalIterations,
    double[] Metrics,
    double WindowMetric,
    double Reward,
    long PolicyVersion,
    float[][] States,
    int[] Actions,
    bool Discarded,
    string? DiscardReason,
    PhiStats Phi,
    double TrainLoss,
    double ImagesPerSecond,
    double ValidationError,
    double[]? GroupRewards = null,
    string? Lineage = null,
    float[]? PhiPairs = null);
