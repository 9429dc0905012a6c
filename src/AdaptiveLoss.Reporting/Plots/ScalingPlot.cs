using System.Globalization;
using ScottPlot;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>
/// How a cost grows with a size, on log–log axes (e.g. a coordinator round against the number of children): a straight
/// line of slope 1 is linear growth. ScottPlot 5 has no logarithmic axis, so the points are drawn at log10 of their
/// coordinates and the ticks are labelled with the values themselves.
/// </summary>
public static class ScalingPlot
{
    /// <summary>Writes one line per series (points with positive coordinates only) to <paramref name="path"/>; returns it.</summary>
    public static string Write(string path, IReadOnlyList<PlotSeries> series, string title, string xLabel, string yLabel,
        int width = RunPlots.Width, int height = RunPlots.Height)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var plot = PlotCanvas.Create(title, xLabel, yLabel);
        var drawn = series.Select(s => s with { Points = [.. s.Points.Where(p => p.X > 0 && p.Y > 0)] }).Where(s => s.Points.Count > 0).ToList();
        if (drawn.Count == 0)
        {
            PlotCanvas.AddNote(plot, "no measurements");
            return PlotCanvas.Save(plot, path, width, height);
        }

        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < drawn.Count; i++)
        {
            var line = plot.Add.Scatter(
                drawn[i].Points.Select(p => Math.Log10(p.X)).ToArray(), drawn[i].Points.Select(p => Math.Log10(p.Y)).ToArray(), palette.GetColor(i));
            line.LegendText = drawn[i].Label;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }

        plot.Axes.Bottom.TickGenerator = Decades();
        plot.Axes.Left.TickGenerator = Decades();
        plot.ShowLegend(Alignment.UpperLeft);
        return PlotCanvas.Save(plot, path, width, height);
    }

    // Ticks at whole decades (log10 = integer), labelled 1, 10, 100, … or 0.1, 0.01, ….
    private static ScottPlot.TickGenerators.NumericAutomatic Decades() => new()
    {
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString(exponent < 0 ? "0.###" : "N0", CultureInfo.InvariantCulture),
    };
}
