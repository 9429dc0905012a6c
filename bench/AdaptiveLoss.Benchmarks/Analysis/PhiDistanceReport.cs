using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// How far the learned Φ stays from the task's best static Φ over the run (docs/mismatch.md, "Distance from the best static
/// Φ"): d_w = ‖Φ_w − Φ*‖_F over the off-diagonal entries, Φ* the static-Φ sweep arm with the best mean validation metric.
/// A measure that needs no test split.
/// </summary>
/// <param name="BestStaticPhi">The sweep arm whose Φ is Φ* (chosen on validation only).</param>
/// <param name="IdentityDistance">‖I − Φ*‖: where a run that starts at Φ_0 = I starts from, and where CE's Φ sits.</param>
/// <param name="Arms">Every ALA-family arm present (kinds ala and frozen), in run order.</param>
/// <param name="Learning">Each learning arm minus its frozen twin, paired by seed.</param>
internal sealed record PhiDistanceReport(
    string BestStaticPhi,
    double IdentityDistance,
    IReadOnlyList<PhiDistanceArm> Arms,
    IReadOnlyList<PhiDistanceControl> Learning);

/// <summary>One arm's distances, each summarised over its children (mean ± sample SD).</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Start">d at its first window (the Φ window 0 trained under, after its actions); empty without per-window Φ.</param>
/// <param name="End">d of the final Φ (results.json's phiMatrix, else the last window's).</param>
/// <param name="RunMean">The mean of d over every window of the run; empty without per-window Φ.</param>
/// <param name="Trajectories">True when history.json carried Φ per window for every child; false for runs written
/// before it was recorded, which give d_end from the final Φ only.</param>
/// <param name="Children">Per child, in seed order.</param>
internal sealed record PhiDistanceArm(string Arm, Summary Start, Summary End, Summary RunMean, bool Trajectories, IReadOnlyList<PhiDistanceChild> Children);

/// <summary>One child's distance from Φ*.</summary>
/// <param name="Id">Child key.</param>
/// <param name="Seed">Its seed (the pairing key).</param>
/// <param name="PerWindow">d_w at every window from history.json; null without per-window Φ.</param>
/// <param name="Start">d_0; null without per-window Φ.</param>
/// <param name="End">d of the final Φ.</param>
/// <param name="RunMean">Mean of <paramref name="PerWindow"/>; null without it.</param>
internal sealed record PhiDistanceChild(string Id, int Seed, IReadOnlyList<double>? PerWindow, double? Start, double End, double? RunMean);

/// <summary>A learning arm against its frozen twin on the distance from Φ*: arm − control per common seed.</summary>
/// <param name="Arm">The learning arm.</param>
/// <param name="Control">Its frozen twin.</param>
/// <param name="RunMean">Paired difference of the run-mean distance with its 95 % t-interval; null without trajectories on both sides.</param>
/// <param name="End">Paired difference of the final distance.</param>
internal sealed record PhiDistanceControl(string Arm, string Control, PairedDifference? RunMean, PairedDifference? End);
