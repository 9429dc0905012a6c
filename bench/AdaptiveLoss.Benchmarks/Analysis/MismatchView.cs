using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>One view of a row's headline test metric (percent) with its paired differences (percentage points).</summary>
/// <param name="View">end, best-validation or post-hoc (<see cref="MetricViews"/>).</param>
/// <param name="PerChild">Seed → value, in seed order.</param>
/// <param name="Test">Mean ± sample std over the children.</param>
/// <param name="Interval">95 % t-interval of the mean (the bars' whiskers); null below two children.</param>
/// <param name="VersusCe">This − cross-entropy per common seed: a headline vs CE's end (for a derived arm, what its view
/// changes on CE's run), the best-validation view vs ce+early-stop; null for cross-entropy itself.</param>
/// <param name="VersusBestStatic">This − the task's best static baseline per common seed; null for that baseline itself or
/// when there is none.</param>
internal sealed record MismatchView(
    string View,
    IReadOnlyDictionary<int, double> PerChild,
    Summary Test,
    ConfidenceInterval? Interval,
    PairedDifference? VersusCe,
    PairedDifference? VersusBestStatic);
