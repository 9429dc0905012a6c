namespace AdaptiveLoss.Reporting.Plots;

/// <summary>A labelled line: one child of a run, or one arm of a benchmark (e.g. its mean over children).</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Points">The points, in drawing order.</param>
public sealed record PlotSeries(string Label, IReadOnlyList<PlotPoint> Points);
