namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>A present static row the best static baseline is chosen from.</summary>
/// <param name="Arm">Row name.</param>
/// <param name="ValidationMetric">Mean validation metric over the children (the choice is made on this only).</param>
/// <param name="TestMean">Mean headline test metric in percent (reported, never chosen on).</param>
/// <param name="ChildEpochs">Compute of its run.</param>
internal sealed record StaticCandidate(string Arm, double ValidationMetric, double? TestMean, int ChildEpochs);
