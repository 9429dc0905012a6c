using AdaptiveLoss.Core.Metrics;

namespace AdaptiveLoss.Core.Children;

/// <summary>
/// The window end whose validation metric was the best of a run, and the test metrics of the model at that point:
/// early stopping on the clean validation split, chosen on validation only (docs/mismatch.md).
/// </summary>
/// <param name="Window">The window (0-based) at whose end the model was measured.</param>
/// <param name="ValidationMetric">Its validation metric (the experiment's metric, a fraction).</param>
/// <param name="Test">Every metric of that model on the test split.</param>
public sealed record BestValidation(int Window, double ValidationMetric, MetricSet Test);
