using System.Globalization;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>
/// PNG plots of a run (and, through the series overloads, of several runs side by side). Every writer creates the
/// folder, overwrites the file and returns the full path written. Empty data gives a plot with a note, never an error.
/// </summary>
public static class RunPlots
{
    /// <summary>Default width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Default height in pixels.</summary>
    public const int Height = 500;

    /// <summary>validation.png, rewards.png, actions.png and phi.png of <paramref name="history"/> in <paramref name="directory"/>.</summary>
    public static RunPlotFiles WriteAll(string directory, RunHistory history) => new(
        WriteValidation(Path.Combine(directory, "validation.png"), history),
        WriteRewards(Path.Combine(directory, "rewards.png"), history),
        WriteActions(Path.Combine(directory, "actions.png"), history),
        WritePhi(Path.Combine(directory, "phi.png"), history));

    /// <summary>Validation error (%) over training, one line per labelled series (children, or benchmark arms).</summary>
    public static string WriteValidation(string path, IReadOnlyList<PlotSeries> series, string title, string xLabel = "epoch",
        int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var plot = PlotCanvas.Create(title, xLabel, "validation error (%)");
        LinePlots.DrawValidation(plot, series);
        return PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>Validation error (%) of every child of <paramref name="history"/> over training epochs.</summary>
    public static string WriteValidation(string path, RunHistory history, int width = Width, int height = Height) =>
        WriteValidation(path, RunSeries.ValidationPerChild(history), $"Validation error per child — {Describe(history)}", "epoch", width, height);

    /// <summary>Every reward per round (points), the round mean (line) and its 5-round moving average (thick line).</summary>
    public static string WriteRewards(string path, IReadOnlyList<RewardRecord> rewards, string title, int width = Width, int height = Height)
    {
        using var plot = CreateRewards(rewards, title);
        return PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>The reward plot of <paramref name="history"/>.</summary>
    public static string WriteRewards(string path, RunHistory history, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(history);
        return WriteRewards(path, history.Rewards, $"Reward per round — {Describe(history)}", width, height);
    }

    /// <summary>Share of −β / 0 / +β per window index, stacked to 1.</summary>
    public static string WriteActions(string path, IReadOnlyList<ActionShare> shares, string title, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(shares);
        using var plot = PlotCanvas.Create(title, "window", "share of actions");
        LinePlots.DrawActions(plot, shares);
        return PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>The action plot of <paramref name="history"/>, all children together.</summary>
    public static string WriteActions(string path, RunHistory history, int width = Width, int height = Height) =>
        WriteActions(path, RunSeries.ActionShares(history), $"Actions per window — {Describe(history)}", width, height);

    /// <summary>Grouped bars with error whiskers: one group per category, one bar per series (e.g. an arm's two views).</summary>
    public static string WriteBars(string path, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, string title, string yLabel,
        int width = Width, int height = Height)
    {
        using var plot = BarChart.Create(categories, series, title, yLabel);
        return PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>Heatmap of a C×C Φ given row-major.</summary>
    /// <exception cref="ArgumentException"><paramref name="phi"/> does not hold C·C entries.</exception>
    public static string WritePhi(string path, double[] phi, int classes, string title, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (phi.Length != classes * classes)
        {
            throw new ArgumentException($"Φ has {phi.Length} entries, not {classes}·{classes}", nameof(phi));
        }

        using var plot = PlotCanvas.Create(title, "class j", "class i");
        PhiHeatmap.Draw(plot, phi, classes);
        return PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>The final Φ of the best child by validation metric (a note when no child completed).</summary>
    public static string WritePhi(string path, RunHistory history, int width = Width, int height = Height)
    {
        using var plot = CreatePhi(history);
        return PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>The reward plot before it is saved (tests read its plottables).</summary>
    internal static ScottPlot.Plot CreateRewards(IReadOnlyList<RewardRecord> rewards, string title)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        var plot = PlotCanvas.Create(title, "policy round", "reward");
        LinePlots.DrawRewards(plot, rewards);
        return plot;
    }

    /// <summary>The Φ heatmap of the best child by validation (never by test), before it is saved.</summary>
    internal static ScottPlot.Plot CreatePhi(RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var best = BestChild.ByValidation(history);
        if (best is { FinalPhi: { } phi, Classes: { } classes } && phi.Length == classes * classes)
        {
            var heatmap = PlotCanvas.Create($"Final Φ of {best.Id} (best validation)", "class j", "class i");
            PhiHeatmap.Draw(heatmap, phi, classes);
            return heatmap;
        }

        var plot = PlotCanvas.Create($"Final Φ — {history.ExperimentId}", "class j", "class i");
        PlotCanvas.AddNote(plot, "no completed child");
        return plot;
    }

    private static string Describe(RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var o = history.Options;
        var loss = o.Loss.ToString().ToLowerInvariant();
        return o.Loss == Core.Options.LossMode.Ala
            ? string.Create(CultureInfo.InvariantCulture, $"{history.ExperimentId} ({loss}{(o.FreezePolicy ? " frozen" : string.Empty)}, β {o.Beta}, K {o.Window})")
            : $"{history.ExperimentId} ({loss})";
    }
}
