using ScottPlot;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>Grouped bars with error whiskers: one group per category, one coloured bar per series inside it.</summary>
internal static class BarChart
{
    // Share of a category's width the group of bars takes; the rest separates neighbouring groups.
    private const double GroupWidth = 0.8;

    /// <summary>The bar chart before it is saved (tests read its plottables).</summary>
    public static Plot Create(IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var plot = PlotCanvas.Create(title, string.Empty, yLabel);
        Draw(plot, categories, series);
        return plot;
    }

    public static void Draw(Plot plot, IReadOnlyList<string> categories, IReadOnlyList<BarSeries> series)
    {
        if (categories.Count == 0 || series.All(s => s.Values.All(v => v is null)))
        {
            PlotCanvas.AddNote(plot, "no values");
            return;
        }

        var palette = new ScottPlot.Palettes.Category10();
        var width = GroupWidth / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values
                .Take(categories.Count)
                .Select((value, c) => (value, c))
                .Where(b => b.value is not null)
                .Select(b => new Bar
                {
                    Position = b.c - (GroupWidth / 2) + (width * (s + 0.5)),
                    Value = b.value!.Value.Value,
                    Error = b.value.Value.Error ?? 0,
                    Size = width * 0.9,
                    FillColor = palette.GetColor(s),
                })
                .ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Label;
        }

        var positions = Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. categories]);
        // Arm names are long: slanted labels keep neighbours from overlapping.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = BottomAxisSize(categories);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Bottom);
    }

    // Room for the slanted labels: about 7 px per character at 45°, within sensible bounds.
    private static float BottomAxisSize(IReadOnlyList<string> categories) =>
        Math.Clamp(categories.Max(c => c.Length) * 7f, 40f, 160f);
}
