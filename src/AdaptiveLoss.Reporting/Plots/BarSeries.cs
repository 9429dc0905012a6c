namespace AdaptiveLoss.Reporting.Plots;

/// <summary>A labelled set of bars, one per category (null: no bar there), e.g. one view of every benchmark arm.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Values">One value per category, in the categories' order.</param>
public sealed record BarSeries(string Label, IReadOnlyList<BarValue?> Values);
