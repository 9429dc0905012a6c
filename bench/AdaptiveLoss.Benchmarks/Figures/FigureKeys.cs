namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>The figures of an effect budget (docs/results.md, "Signals"), as keys of the JSON's "figures" object; every key is always present.</summary>
internal static class FigureKeys
{
    /// <summary>Validation error per arm over training (mean over children, per window).</summary>
    public const string ValidationError = "validationError";

    /// <summary>Reward per round with its moving average (ala arm).</summary>
    public const string RewardPerRound = "rewardPerRound";

    /// <summary>Share of each action (−β, 0, +β) per window (ala arm).</summary>
    public const string ActionDistribution = "actionDistribution";

    /// <summary>Final Φ of the best-by-validation ALA child.</summary>
    public const string PhiHeatmap = "phiHeatmap";

    /// <summary>Every key with its title, in report order.</summary>
    public static IReadOnlyList<(string Key, string Title)> All { get; } =
    [
        (ValidationError, "Validation error per arm over training (mean over children)"),
        (RewardPerRound, "Reward per round with moving average (ala)"),
        (ActionDistribution, "Action distribution over time (ala)"),
        (PhiHeatmap, "Φ of the best-by-validation ALA child at the end"),
    ];
}
