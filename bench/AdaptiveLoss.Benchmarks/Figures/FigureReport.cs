namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>One figure: its PNG (a file name in the figures folder, docs/results/) or, when it could not be drawn, why.</summary>
/// <param name="Title">Caption.</param>
/// <param name="File">PNG file name inside the figures folder; null when not drawn.</param>
/// <param name="Note">Why it was not drawn (e.g. no history.json), or a remark.</param>
internal sealed record FigureReport(string Title, string? File, string? Note);
