using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>The data behind each plot, taken from a <see cref="RunHistory"/>; benchmarks combine these across runs.</summary>
public static class RunSeries
{
    /// <summary>
    /// Validation error (%) per child at each counted window's end against training progress in epochs. Discarded
    /// windows are left out: the guard rolled the child back, so their error is not where training went on from.
    /// </summary>
    public static IReadOnlyList<PlotSeries> ValidationPerChild(RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Children
            .Select((child, index) => new PlotSeries($"child {index}", [.. Counted(child).Select(w => Point(w, history.Options.Epochs))]))
            .ToList();
    }

    /// <summary>
    /// The mean over children of validation error (%) at each window index (x = mean epoch of those windows): one
    /// line per run, e.g. one arm of a benchmark.
    /// </summary>
    public static PlotSeries MeanValidation(RunHistory history, string label)
    {
        ArgumentNullException.ThrowIfNull(history);
        var points = history.Children
            .SelectMany(Counted)
            .GroupBy(w => w.Window)
            .OrderBy(g => g.Key)
            .Select(g => new PlotPoint(g.Average(w => Point(w, history.Options.Epochs).X), g.Average(w => w.ValidationError * 100)))
            .ToList();
        return new PlotSeries(label, points);
    }

    /// <summary>
    /// Share of each action per window index over all children and groups, from the windows' action counts (every
    /// decision counts, discarded windows too: it is what the policy chose).
    /// </summary>
    public static IReadOnlyList<ActionShare> ActionShares(RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Children
            .SelectMany(c => c.Windows)
            .Where(w => w.ActionCounts is { Length: ActionSet.Count })
            .GroupBy(w => w.Window)
            .OrderBy(g => g.Key)
            .Select(g => Share(g.Key, g.Sum(w => w.ActionCounts[ActionSet.Decrease]), g.Sum(w => w.ActionCounts[ActionSet.Keep]),
                g.Sum(w => w.ActionCounts[ActionSet.Increase])))
            .ToList();
    }

    /// <summary>Mean reward per round, in round order.</summary>
    public static IReadOnlyList<PlotPoint> RoundMeans(IReadOnlyList<RewardRecord> rewards)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        return rewards.GroupBy(r => r.Round).OrderBy(g => g.Key).Select(g => new PlotPoint(g.Key, g.Average(r => r.Reward))).ToList();
    }

    /// <summary>Trailing moving average over <paramref name="window"/> points (fewer at the start, where fewer exist).</summary>
    public static IReadOnlyList<PlotPoint> MovingAverage(IReadOnlyList<PlotPoint> points, int window)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new PlotPoint[points.Count];
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            sum += points[i].Y - (i >= window ? points[i - window].Y : 0.0);
            result[i] = new PlotPoint(points[i].X, sum / Math.Min(i + 1, window));
        }

        return result;
    }

    private static IEnumerable<WindowSummary> Counted(ChildHistory child) => child.Windows.Where(w => w.DiscardReason is null);

    // Progress in epochs: iterations done over the run's iterations, times its epochs.
    private static PlotPoint Point(WindowSummary w, int epochs) =>
        new(w.TotalIterations > 0 ? (double)w.Iteration / w.TotalIterations * epochs : w.Iteration, w.ValidationError * 100);

    private static ActionShare Share(int window, int decrease, int keep, int increase)
    {
        var total = (double)(decrease + keep + increase);
        return total == 0 ? new ActionShare(window, 0, 0, 0) : new ActionShare(window, decrease / total, keep / total, increase / total);
    }
}
