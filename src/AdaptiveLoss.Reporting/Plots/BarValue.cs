namespace AdaptiveLoss.Reporting.Plots;

/// <summary>One bar: its height and, when known, the half-width of its error whisker (e.g. a 95 % interval).</summary>
/// <param name="Value">Bar height.</param>
/// <param name="Error">Whisker half-width, drawn above and below the top; null or 0 for none.</param>
public readonly record struct BarValue(double Value, double? Error);
