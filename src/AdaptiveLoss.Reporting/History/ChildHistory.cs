using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.History;

/// <summary>One child's run: every window (discarded ones included) and, once completed, its final outcome.</summary>
/// <param name="Id">Child key, "{experimentId}/{index}".</param>
/// <param name="Seed">Seed of initialisation and data order (options.Seed + index).</param>
/// <param name="State">How the child ended.</param>
/// <param name="Error">One-line error of a failed child; null otherwise.</param>
/// <param name="Classes">Number of classes C; null until completed.</param>
/// <param name="ValidationMetric">Final validation metric (fraction); null until completed.</param>
/// <param name="ValidationError">Final validation error; null until completed.</param>
/// <param name="TestError">Test error, measured once at the end; null until completed.</param>
/// <param name="TestMetric">Experiment metric on the test split; null until completed.</param>
/// <param name="FinalPhi">Final Φ, row-major C·C; null until completed.</param>
/// <param name="Windows">Every window the child reported, oldest first, with its action counts.</param>
public sealed record ChildHistory(
    string Id,
    int Seed,
    ChildState State,
    string? Error,
    int? Classes,
    double? ValidationMetric,
    double? ValidationError,
    double? TestError,
    double? TestMetric,
    double[]? FinalPhi,
    IReadOnlyList<WindowSummary> Windows);
