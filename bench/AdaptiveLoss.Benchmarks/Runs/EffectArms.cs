namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The four arms of the effect benchmark (docs/evidence.md), fixed before running. Every arm runs the same budget, the same
/// seed and children, so child i of every arm has seed S + i: the same initialisation and data order.
/// </summary>
internal static class EffectArms
{
    /// <summary>The reference arm every difference is taken against.</summary>
    public const string CrossEntropy = "ce";

    /// <summary>ALA with the defaults (learning policy).</summary>
    public const string Ala = "ala";

    /// <summary>The policy frozen at its random initialisation while Φ still moves (the learning control).</summary>
    public const string Frozen = "frozen";

    /// <summary>The paper's preset.</summary>
    public const string Paper = "paper";

    /// <summary>The arms in table order.</summary>
    public static IReadOnlyList<Arm> All { get; } =
    [
        new(CrossEntropy, ["--loss", "ce"], "cross-entropy"),
        new(Ala, [], "ALA, defaults (learning policy)"),
        new(Frozen, ["--freeze-policy"], "ALA, policy frozen at its random initialisation (Φ still moves)"),
        new(Paper, ["--preset", "paper"], "paper preset: sigmoid form, β 0.1, sign reward, ema baseline, φ_max 1"),
    ];
}
