using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.History;

/// <summary>
/// The full history of one experiment (history.json next to results.json): every option, every child's windows with
/// their action counts, each child's final Φ and the reward log. Unlike results.json (a fixed contract, docs/design.md §4) this
/// file may grow; <see cref="Format"/> says which shape a reader holds. Plots are drawn from it alone.
/// </summary>
/// <param name="Format">Shape version of the file, <see cref="CurrentFormat"/> when written by this code.</param>
/// <param name="ExperimentId">Experiment key.</param>
/// <param name="State">How the experiment ended (or its state when the snapshot was taken).</param>
/// <param name="ElapsedSeconds">Wall time of the experiment.</param>
/// <param name="Options">Every option of the run (enum values as camelCase strings).</param>
/// <param name="Policy">The shared policy at the end.</param>
/// <param name="Children">One entry per child, in index order, failed and cancelled ones included.</param>
/// <param name="Rewards">This experiment's rewards in round order, each with the policy version that chose its actions.</param>
public sealed record RunHistory(
    int Format,
    string ExperimentId,
    ExperimentState State,
    double ElapsedSeconds,
    ExperimentOptions Options,
    PolicyHistory Policy,
    IReadOnlyList<ChildHistory> Children,
    IReadOnlyList<RewardRecord> Rewards)
{
    /// <summary>The <see cref="Format"/> this code writes.</summary>
    public const int CurrentFormat = 1;
}
