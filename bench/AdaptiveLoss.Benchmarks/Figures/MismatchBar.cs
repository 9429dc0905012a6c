namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>One row of a mismatch task's bar chart: its headline test metric (percent) at the end and at its best-validation window.</summary>
/// <param name="Label">Row name.</param>
/// <param name="End">Mean at the end (or the derived view); null when missing.</param>
/// <param name="EndHalfWidth">Half-width of its 95 % t-interval; null below two children.</param>
/// <param name="AtBestValidation">Mean at the best-validation window; null for derived rows.</param>
/// <param name="AtBestValidationHalfWidth">Half-width of its 95 % t-interval.</param>
internal sealed record MismatchBar(string Label, double? End, double? EndHalfWidth, double? AtBestValidation, double? AtBestValidationHalfWidth);
