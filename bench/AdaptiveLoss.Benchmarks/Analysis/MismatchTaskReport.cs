using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>One task of the mismatch benchmark: every row, the best static baseline, the learning control and the Φs.</summary>
/// <param name="Task">Task name (its run folder).</param>
/// <param name="Description">The task in words.</param>
/// <param name="Flags">Flags the task adds to the plan's.</param>
/// <param name="Headline">The test metric of the table (error or balancedError), in percent.</param>
/// <param name="Arms">Every row, present or not, in table order.</param>
/// <param name="BestStatic">The best static baseline, chosen on validation.</param>
/// <param name="Learning">Every learning arm minus its frozen twin (ala − frozen, …), at the end and at the best-validation window (pp).</param>
/// <param name="PhiSweep">The static Φ arms present, with their validation metric.</param>
/// <param name="BestStaticPhi">The static Φ with the best validation metric; null without one.</param>
/// <param name="AlaPhi">The final Φ of ALA's best-by-validation child; null when results.json has no Φ matrix.</param>
/// <param name="Figures">The bar chart and the Φ heatmaps.</param>
/// <param name="PhiDistance">The ALA-family arms' distance from <paramref name="BestStaticPhi"/> over the run; null without it.</param>
internal sealed record MismatchTaskReport(
    string Task,
    string Description,
    string Flags,
    string Headline,
    IReadOnlyList<MismatchArmReport> Arms,
    BestStaticReport BestStatic,
    IReadOnlyList<LearningControl> Learning,
    IReadOnlyList<StaticCandidate> PhiSweep,
    PhiReport? BestStaticPhi,
    PhiReport? AlaPhi,
    IReadOnlyList<FigureReport> Figures,
    PhiDistanceReport? PhiDistance = null)
{
    /// <summary>ala − frozen, the default arms' learning control; null when either is missing.</summary>
    public LearningControl? AlaVsFrozen => Learning.FirstOrDefault(l => l.Arm == Runs.MismatchArms.Ala);
}
