namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>
/// The rewards of one child state's branches, in percentage points. "Global" is the reward the policy gets (Eq. 4 diff
/// on the run's metric, S measurements); "pair" is the change of the acted-on pair's share of the error between the
/// fork and the branch's end (docs/mismatch.md, credit): both positive when the branch got better.
/// </summary>
/// <param name="Seed">The child's seed: its initialisation and its own data order.</param>
/// <param name="Horizon">Windows from the fork to this measurement; the global reward is the sum of those windows' rewards (Eq. 4 diff telescopes to M̄ at the fork minus M̄ now).</param>
/// <param name="Keep">Global reward of the branch that keeps Φ, with the child's own batches.</param>
/// <param name="KeepAgain">The same branch run again: common random numbers, so any difference is non-determinism.</param>
/// <param name="KeepOtherBatches">Global rewards of keep-branches drawing other batches from the same state.</param>
/// <param name="KeepPair">Pair reward of <paramref name="Keep"/>.</param>
/// <param name="KeepAgainPair">Pair reward of <paramref name="KeepAgain"/>.</param>
/// <param name="KeepOtherBatchesPair">Pair rewards of <paramref name="KeepOtherBatches"/>.</param>
/// <param name="Effects">Per β: the global and pair rewards of +β and of −β on the pair, same batches as <paramref name="Keep"/>.</param>
internal sealed record NoiseFloorState(
    int Seed,
    int Horizon,
    double Keep,
    double KeepAgain,
    IReadOnlyList<double> KeepOtherBatches,
    double KeepPair,
    double KeepAgainPair,
    IReadOnlyList<double> KeepOtherBatchesPair,
    IReadOnlyList<NoiseFloorEffect> Effects);
