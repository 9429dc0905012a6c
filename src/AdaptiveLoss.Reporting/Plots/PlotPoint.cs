namespace AdaptiveLoss.Reporting.Plots;

/// <summary>One point of a line plot.</summary>
/// <param name="X">Horizontal coordinate (e.g. epochs).</param>
/// <param name="Y">Vertical coordinate (e.g. validation error in %).</param>
public readonly record struct PlotPoint(double X, double Y);
