using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Reporting.History;

/// <summary>Picks the best child the way results.json does: by validation metric, never by test.</summary>
public static class BestChild
{
    /// <summary>
    /// The completed child with the best final validation metric (direction of the run's metric; ties go to the lower
    /// index), or null when no child completed.
    /// </summary>
    public static ChildHistory? ByValidation(RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lowerIsBetter = ClassificationMetrics.Direction(history.Options.Metric) == MetricDirection.LowerIsBetter;
        ChildHistory? best = null;
        foreach (var child in history.Children.Where(c => c.ValidationMetric is not null))
        {
            var better = best is null || (lowerIsBetter
                ? child.ValidationMetric < best.ValidationMetric
                : child.ValidationMetric > best.ValidationMetric);
            best = better ? child : best;
        }

        return best;
    }
}
