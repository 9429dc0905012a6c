namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>The Φ file of a static arm.</summary>
/// <param name="Phi">C rows of C entries.</param>
internal sealed record PhiFile(double[][] Phi);
