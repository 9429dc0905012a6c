using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Metrics;

namespace AdaptiveLoss.Core.Children;

/// <summary>The end of one child's run: final validation metric and the single test evaluation (docs/design.md §2).</summary>
/// <param name="ChildId">Child key.</param>
/// <param name="Seed">Seed of initialisation and data order.</param>
/// <param name="Classes">Number of classes C.</param>
/// <param name="ValidationMetric">Experiment metric on the validation split at the end (fraction).</param>
/// <param name="ValidationError">Validation error at the end.</param>
/// <param name="TestError">Test error at the end, measured once.</param>
/// <param name="TestMetric">Experiment metric on the test split at the end.</param>
/// <param name="Windows">Windows completed.</param>
/// <param name="DiscardedWindows">Windows whose transition a guard discarded.</param>
/// <param name="Phi">Statistics of the final Φ.</param>
/// <param name="FinalPhi">Final Φ, row-major C·C (retrieval: the 2B bin weights, positive pairs first; docs/retrieval.md).</param>
/// <param name="ElapsedSeconds">Wall time of the run.</param>
public sealed record ChildOutcome(
    string ChildId,
    int Seed,
    int Classes,
    double ValidationMetric,
    double ValidationError,
    double TestError,
    double TestMetric,
    int Windows,
    int DiscardedWindows,
    PhiStats Phi,
    double[] FinalPhi,
    double ElapsedSeconds)
{
    /// <summary>Every metric on the test split at the end, with the per-class errors; null from runners that do not measure them.</summary>
    public MetricSet? Test { get; init; }

    /// <summary>The same after post-hoc logit adjustment with the training priors and τ (Menon et al. 2021).</summary>
    public MetricSet? TestPostHoc { get; init; }

    /// <summary>The best-validation window and its test metrics (early stopping); null when no window completed.</summary>
    public BestValidation? BestValidation { get; init; }

    /// <summary>The final per-class logit offsets δ when the run moved them (<c>--class-offsets</c>), else null.</summary>
    public double[]? ClassOffsets { get; init; }

    /// <summary>The training split the child learned from: class counts and realised noise.</summary>
    public DataSummary? Data { get; init; }

    /// <summary>With sibling rounds (docs/credit.md), what branching cost beside the windows it ran in; null without.</summary>
    public SiblingCosts? SiblingCosts { get; init; }
}

/// <summary>
/// The cost of sibling rounds in one child's run (docs/credit.md, "Sibling rounds"), over the windows this process ran
/// (a resumed child counts from its resume).
/// </summary>
/// <param name="BranchingSeconds">Putting the window-start state and data position back before each sibling, keeping
/// the best sibling's state and putting it back.</param>
/// <param name="WindowSeconds">The sibling windows' whole time: every sibling's training and validation, and the branching.</param>
public sealed record SiblingCosts(double BranchingSeconds, double WindowSeconds)
{
    /// <summary>Branching's share of the windows' time.</summary>
    public double BranchingShare => WindowSeconds > 0 ? BranchingSeconds / WindowSeconds : 0.0;
}
