namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>The arms of every transfer task, given the learned policy's reference (ID@VERSION in the benchmark's state folder).</summary>
internal static class TransferArms
{
    /// <summary>Cross-entropy: the reference of every Δ vs CE.</summary>
    public const string CrossEntropy = "ce";

    /// <summary>The learned policy, frozen: what the shipped snapshot would do.</summary>
    public const string Learned = "learned";

    /// <summary>A policy frozen at its random initialisation (Φ still moves): the control the learned one must beat.</summary>
    public const string Random = "random";

    /// <summary>The learned policy as a starting point that keeps learning on the new task.</summary>
    public const string Continued = "continued";

    /// <summary>
    /// The arms in table order. <paramref name="design"/> (the plan's credit design) goes to every ALA arm, so the
    /// frozen random control and the continued arm run the design the policy was learned under; never to cross-entropy.
    /// </summary>
    public static IReadOnlyList<Arm> All(string learned, IReadOnlyList<string>? design = null) =>
    [
        new(CrossEntropy, ["--loss", "ce"], "cross-entropy"),
        new(Learned, ["--policy", learned, "--freeze-policy", .. design ?? []], $"ALA, policy {learned} frozen"),
        new(Random, ["--freeze-policy", .. design ?? []], "ALA, policy frozen at its random initialisation (Φ still moves)"),
        new(Continued, ["--policy", learned, .. design ?? []], $"ALA, policy starts from {learned} and keeps learning"),
    ];

    /// <summary>The arm names in table order (no reference needed).</summary>
    public static IReadOnlyList<string> Names { get; } = [CrossEntropy, Learned, Random, Continued];
}
