using AdaptiveLoss.Benchmarks.Analysis;

namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>What the figures of one mismatch task are drawn from (results.json alone: no history.json needed).</summary>
/// <param name="Task">Task name (prefix of the PNG names).</param>
/// <param name="Headline">The test metric of the bars (error or balancedError).</param>
/// <param name="Bars">The present rows in table order.</param>
/// <param name="AlaPhi">ALA's learned Φ (best child by validation), or null.</param>
/// <param name="BestStaticPhi">The best static Φ of the sweep (by validation), or null.</param>
internal sealed record MismatchFigureInput(string Task, string Headline, IReadOnlyList<MismatchBar> Bars, PhiReport? AlaPhi, PhiReport? BestStaticPhi);
