using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Metrics;

namespace AdaptiveLoss.Cli.Output;

// The results.json schema of docs/design.md §4, property for property, plus what the mismatch tasks need (docs/mismatch.md:
// the data transforms, the loss settings, every test metric, post-hoc adjustment and early stopping); serialised
// camelCase by ResultsWriter. These records are the file's contract: add nothing here that the docs do not list.

/// <summary>The whole results.json of one experiment (docs/design.md §4).</summary>
internal sealed record ResultsDocument(
    string ExperimentId,
    string Task,
    string Model,
    string Loss,
    string Metric,
    int Seed,
    int Epochs,
    double ElapsedSeconds,
    IReadOnlyList<ChildResult> Children,
    BestChild Best,
    double MeanTestError,
    PolicyResult Policy,
    IReadOnlyList<RewardResult> Rewards)
{
    /// <summary>Compute spent: children × epochs, times the siblings each window trains (docs/credit.md).</summary>
    public required int ChildEpochs { get; init; }

    /// <summary>The data the children learned from: seed, carve, transforms, class counts, realised noise.</summary>
    public required DataResult Data { get; init; }

    /// <summary>The settings of the loss modes (only the mode's own are used; all are listed so that a run is reproducible).</summary>
    public required LossSettingsResult LossSettings { get; init; }
}

/// <summary>The training split's transforms as the run applied them.</summary>
internal sealed record DataResult(int DataSeed, string Validation, double? Imbalance, int[]? ImbalanceOrder, string? LabelNoise,
    int[] TrainClassCounts, double[][]? NoiseMatrix);

/// <summary>
/// ε, γ, β and τ of the static losses, the user's fixed Φ (rows) when one was given, how ALA groups its actions on Φ
/// and credits its rewards, and its siblings per window (antithetic or not).
/// </summary>
internal sealed record LossSettingsResult(double Smoothing, double FocalGamma, double CbBeta, double Tau, double[][]? Phi, string PhiGroups,
    string Credit = "global", int Siblings = 1, bool Antithetic = false);

/// <summary>One completed child: final validation metric, the single test evaluation, Φ statistics.</summary>
internal sealed record ChildResult(
    string Id,
    int Seed,
    double ValidationMetric,
    double TestError,
    double TestMetric,
    int Windows,
    PhiResult Phi)
{
    /// <summary>Every metric on the test split at the end, with the per-class errors.</summary>
    public MetricSet? Test { get; init; }

    /// <summary>The same after post-hoc logit adjustment with the training priors and τ.</summary>
    public MetricSet? TestPostHoc { get; init; }

    /// <summary>The best window end by validation and its test metrics (early stopping on the clean validation split).</summary>
    public BestValidation? BestValidation { get; init; }

    /// <summary>The final Φ, C rows of C.</summary>
    public double[][]? PhiMatrix { get; init; }

    /// <summary>Retrieval: the final bin weights of positive and of negative pairs (docs/retrieval.md); null for classification.</summary>
    public BinsResult? PhiBins { get; init; }

    /// <summary>With sibling rounds: branching's time beside the sibling windows' (docs/credit.md); null without.</summary>
    public SiblingCosts? SiblingCosts { get; init; }

    /// <summary>The final per-class logit offsets δ (<c>--class-offsets</c>); null without them.</summary>
    public double[]? ClassOffsets { get; init; }
}

/// <summary>Retrieval's final Φ: B weights of positive pairs and B of negative pairs, bin 0 nearest.</summary>
internal sealed record BinsResult(double[] Positive, double[] Negative);

/// <summary>Statistics of a child's final Φ: extreme off-diagonal entries and ‖Φ − I‖_F.</summary>
internal sealed record PhiResult(double Min, double Max, double NormFromIdentity);

/// <summary>The child with the best VALIDATION metric (never chosen on test) and its test error.</summary>
internal sealed record BestChild(string ChildId, double TestError);

/// <summary>The shared policy at the end of the experiment.</summary>
internal sealed record PolicyResult(string PolicyId, long Version, long Updates, long Transitions);

/// <summary>One reward as the coordinator used it: its round, the window and the policy version that chose the actions.</summary>
internal sealed record RewardResult(int Round, string ChildId, int Window, double Reward, long PolicyVersion);
