namespace AdaptiveLoss.Benchmarks.Results;

/// <summary>results.json's <c>data</c>: how the run's training data was made (seeded, so paired runs share it).</summary>
/// <param name="DataSeed">The seed of the subsampling and the label noise.</param>
/// <param name="Validation">"balanced" or "tail": how the validation split was drawn.</param>
/// <param name="Imbalance">The long-tail ratio of the most to the least frequent class; null for balanced data.</param>
/// <param name="ImbalanceOrder">The classes from most to least frequent; null for balanced data.</param>
/// <param name="LabelNoise">The noise as given, with its flipped pairs (e.g. pairflip:0.4:0-6,2-4,5-7); null for clean labels.</param>
/// <param name="TrainClassCounts">Training images per class.</param>
/// <param name="NoiseMatrix">The realised C×C label transition matrix; null for clean labels.</param>
internal sealed record RunData(
    int DataSeed,
    string? Validation,
    double? Imbalance,
    IReadOnlyList<int>? ImbalanceOrder,
    string? LabelNoise,
    IReadOnlyList<int>? TrainClassCounts,
    double[][]? NoiseMatrix);
