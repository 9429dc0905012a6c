using AdaptiveLoss.Benchmarks.Results;

namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>What the figures of one effect budget are drawn from.</summary>
/// <param name="Budget">Budget name (prefix of the PNG names).</param>
/// <param name="ArmDirectories">Arm → run folder (results.json, and history.json when the CLI wrote one).</param>
/// <param name="AlaRewards">Rewards of the ala arm in round order (from results.json), or null when it is missing.</param>
/// <param name="BestAlaChildId">Best-by-validation child of the ala arm, or null.</param>
internal sealed record EffectFigureInput(
    string Budget,
    IReadOnlyDictionary<string, string> ArmDirectories,
    IReadOnlyList<RunReward>? AlaRewards,
    string? BestAlaChildId);
