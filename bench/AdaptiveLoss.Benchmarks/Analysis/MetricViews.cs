using AdaptiveLoss.Benchmarks.Results;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// The ways the mismatch analysis reads one child's test metric: at the end of training, at the window whose validation
/// metric was best (early stopping, chosen on validation only), or after post-hoc logit adjustment. Values are in percent.
/// </summary>
internal static class MetricViews
{
    /// <summary>The model at the end of training.</summary>
    public const string End = "end";

    /// <summary>The model at the child's best-validation window.</summary>
    public const string BestValidation = "best-validation";

    /// <summary>The end model with post-hoc logit adjustment by the training priors.</summary>
    public const string PostHoc = "post-hoc";

    /// <summary>Seed → <paramref name="headline"/> in percent under <paramref name="view"/>, for the children that have it.</summary>
    public static IReadOnlyDictionary<int, double> BySeed(RunResults results, string view, string headline) =>
        results.Children
            .DistinctBy(c => c.Seed)
            .Select(c => (c.Seed, Value: Test(c, view, headline)))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Seed, p => p.Value!.Value * 100);

    /// <summary>The test metric of one child (a fraction); the end view falls back to testError in files without <c>test</c>.</summary>
    public static double? Test(RunChild child, string view, string headline) => view switch
    {
        End => child.Test?.Value(headline) ?? (headline == RunMetrics.ErrorName ? child.TestError : null),
        BestValidation => child.BestValidation?.Test?.Value(headline),
        PostHoc => child.TestPostHoc?.Value(headline),
        _ => throw new ArgumentException($"unknown view '{view}'", nameof(view)),
    };

    /// <summary>The validation metric a view was reached by (null for post-hoc: it has no validation counterpart).</summary>
    public static double? Validation(RunChild child, string view) => view switch
    {
        End => child.ValidationMetric,
        BestValidation => child.BestValidation?.ValidationMetric,
        _ => null,
    };

    /// <summary>Mean validation metric of the children under <paramref name="view"/>; null when no child has one.</summary>
    public static double? MeanValidation(RunResults results, string view)
    {
        var values = results.Children.DistinctBy(c => c.Seed).Select(c => Validation(c, view)).OfType<double>().ToArray();
        return values.Length == 0 ? null : values.Average();
    }

    /// <summary>True for error-like validation metrics (error, balanced-error); false for f1 and aucpr, where higher is better.</summary>
    public static bool LowerIsBetter(string metric) =>
        metric.Equals("error", StringComparison.OrdinalIgnoreCase) || metric.Equals("balanced-error", StringComparison.OrdinalIgnoreCase);
}
