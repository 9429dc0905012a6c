using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// retrieval.json (docs/retrieval.md, "The study"): the machine-readable results of the three arms and, in the
/// <see cref="TableDocument"/> fields, the section docs/results.md renders from it.
/// </summary>
/// <param name="Title">Section title.</param>
/// <param name="Description">The budget and what Δ means.</param>
/// <param name="Tables">Arms, paired differences, final bin weights.</param>
/// <param name="Notes">The decision rule and its verdict.</param>
/// <param name="Budget">full or smoke.</param>
/// <param name="Flags">The flags every arm shared.</param>
/// <param name="DecisionRule">The pre-registered rule.</param>
/// <param name="Arms">Each arm's children and summaries (percent).</param>
/// <param name="Comparisons">Paired differences (percentage points).</param>
/// <param name="Verdict">The rule applied to ALA − frozen on Recall@1.</param>
/// <param name="Warnings">Missing arms or children.</param>
internal sealed record RetrievalReport(
    string? Title,
    string? Description,
    IReadOnlyList<DocumentTable>? Tables,
    IReadOnlyList<string>? Notes,
    string Budget,
    IReadOnlyList<string> Flags,
    string DecisionRule,
    IReadOnlyList<RetrievalArmResult> Arms,
    IReadOnlyList<RetrievalComparison> Comparisons,
    string Verdict,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The file name in the results folder.</summary>
    public const string FileName = "retrieval.json";
}

/// <summary>One arm: its children's test retrieval metrics (percent) and final bin weights, and their summaries.</summary>
internal sealed record RetrievalArmResult(
    string Arm,
    string Flags,
    bool Present,
    IReadOnlyList<RetrievalChildResult> Children,
    Summary Recall1,
    Summary Nmi,
    Summary Aucpr,
    double[]? MeanPositiveWeights,
    double[]? MeanNegativeWeights,
    double? WallSeconds);

/// <summary>One child of an arm: seed, Recall@1/2/4/8, NMI and AUCPR on the unseen classes (percent), final bin weights.</summary>
internal sealed record RetrievalChildResult(int Seed, double Recall1, double Recall2, double Recall4, double Recall8, double Nmi, double Aucpr,
    double[] PositiveWeights, double[] NegativeWeights);

/// <summary>arm − reference per paired seed on one metric (percentage points), with its 95 % t-interval.</summary>
internal sealed record RetrievalComparison(string Arm, string Reference, string Metric, PairedDifference Difference);
