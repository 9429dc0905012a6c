using AdaptiveLoss.Grains;
using ScottPlot;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>The three line plots: validation error over training, reward per round, action shares per window.</summary>
internal static class LinePlots
{
    /// <summary>Moving-average window of the reward plot (rounds).</summary>
    public const int RewardAverageWindow = 5;

    public static void DrawValidation(Plot plot, IReadOnlyList<PlotSeries> series)
    {
        var drawn = series.Where(s => s.Points.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            PlotCanvas.AddNote(plot, "no validation measurements");
            return;
        }

        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < drawn.Count; i++)
        {
            var line = plot.Add.Scatter(Xs(drawn[i].Points), Ys(drawn[i].Points), palette.GetColor(i));
            line.LegendText = drawn[i].Label;
            line.LineWidth = 2;
            line.MarkerSize = drawn[i].Points.Count > 60 ? 0 : 4;
        }

        plot.ShowLegend(Alignment.UpperRight);
    }

    public static void DrawRewards(Plot plot, IReadOnlyList<RewardRecord> rewards)
    {
        if (rewards.Count == 0)
        {
            PlotCanvas.AddNote(plot, "no rewards");
            return;
        }

        var each = plot.Add.ScatterPoints(rewards.Select(r => (double)r.Round).ToArray(), rewards.Select(r => r.Reward).ToArray());
        each.Color = Colors.Gray.WithAlpha(0.6);
        each.MarkerSize = 5;
        each.LegendText = "reward of a child";

        var means = RunSeries.RoundMeans(rewards);
        var mean = plot.Add.Scatter(Xs(means), Ys(means), Colors.SteelBlue);
        mean.LineWidth = 1.5f;
        mean.MarkerSize = 3;
        mean.LegendText = "round mean";

        var average = RunSeries.MovingAverage(means, RewardAverageWindow);
        var moving = plot.Add.ScatterLine(Xs(average), Ys(average), Colors.OrangeRed);
        moving.LineWidth = 3;
        moving.LegendText = $"moving average ({RewardAverageWindow} rounds)";

        var zero = plot.Add.HorizontalLine(0, 1, Colors.Black);
        zero.LinePattern = LinePattern.Dashed;
        plot.Axes.Bottom.TickGenerator = IntegerTicks();
        // Below the axes: rewards spread over the whole height, any corner would hide some.
        plot.ShowLegend(Edge.Bottom);
    }

    // Stacked bands from the bottom: −β, then 0, then +β, so each band's height is that action's share.
    public static void DrawActions(Plot plot, IReadOnlyList<ActionShare> shares)
    {
        if (shares.Count == 0)
        {
            PlotCanvas.AddNote(plot, "no decisions");
            return;
        }

        var xs = shares.Select(s => (double)s.Window).ToArray();
        var decrease = shares.Select(s => s.Decrease).ToArray();
        var keep = shares.Select(s => s.Decrease + s.Keep).ToArray();
        var total = shares.Select(s => s.Decrease + s.Keep + s.Increase).ToArray();
        AddBand(plot, xs, new double[xs.Length], decrease, Colors.RoyalBlue, "−β");
        AddBand(plot, xs, decrease, keep, Colors.LightGray, "0");
        AddBand(plot, xs, keep, total, Colors.IndianRed, "+β");
        plot.Axes.SetLimitsY(0, 1);
        plot.Axes.SetLimitsX(xs[0] - 0.5, xs[^1] + 0.5);
        plot.Axes.Bottom.TickGenerator = IntegerTicks();
        // The bands fill the whole data area: the legend goes beside it.
        plot.ShowLegend(Edge.Right);
    }

    private static void AddBand(Plot plot, double[] xs, double[] lower, double[] upper, Color color, string label)
    {
        // A single window still gets a visible band: widen it by half a window on each side.
        var (x, y1, y2) = xs.Length == 1 ? ([xs[0] - 0.5, xs[0] + 0.5], [lower[0], lower[0]], [upper[0], upper[0]]) : (xs, lower, upper);
        var band = plot.Add.FillY(x, y1, y2);
        band.FillColor = color.WithAlpha(0.85);
        band.LineWidth = 0;
        band.LegendText = label;
    }

    // Rounds and windows are counts: no tick at 2.5.
    private static ScottPlot.TickGenerators.NumericAutomatic IntegerTicks() => new() { IntegerTicksOnly = true };

    private static double[] Xs(IReadOnlyList<PlotPoint> points) => points.Select(p => p.X).ToArray();

    private static double[] Ys(IReadOnlyList<PlotPoint> points) => points.Select(p => p.Y).ToArray();
}
