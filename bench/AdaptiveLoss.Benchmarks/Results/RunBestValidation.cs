namespace AdaptiveLoss.Benchmarks.Results;

/// <summary>
/// results.json's <c>bestValidation</c> of a child: the window whose validation metric was best (chosen on validation
/// only) and the test metrics of the model at that window, i.e. early stopping on the validation split.
/// </summary>
/// <param name="Window">The window index.</param>
/// <param name="ValidationMetric">The validation metric at that window (in the run's <c>metric</c>).</param>
/// <param name="Test">The test metrics of the model at that window.</param>
internal sealed record RunBestValidation(int Window, double ValidationMetric, RunMetrics? Test);
