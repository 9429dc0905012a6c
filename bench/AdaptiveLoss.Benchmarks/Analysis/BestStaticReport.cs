namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// The best static baseline of a task: the candidate with the best mean validation metric (lowest error or balanced
/// error, highest F1 or AUCPR), never chosen on test; ties go to the earlier row.
/// </summary>
/// <param name="Arm">The chosen row; null when no candidate is present.</param>
/// <param name="ValidationMetric">The validation metric compared (the runs' <c>metric</c>).</param>
/// <param name="LowerIsBetter">Direction of the comparison.</param>
/// <param name="Candidates">Every present candidate, in row order.</param>
/// <param name="SweepChildEpochs">Compute of the whole sweep it was chosen from: every candidate run once (ce and
/// ce+early-stop are one run).</param>
internal sealed record BestStaticReport(
    string? Arm, string? ValidationMetric, bool LowerIsBetter, IReadOnlyList<StaticCandidate> Candidates, int SweepChildEpochs);
