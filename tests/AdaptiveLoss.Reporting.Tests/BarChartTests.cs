using AdaptiveLoss.Reporting.Plots;
using ScottPlot.Plottables;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>The grouped bar chart with error whiskers (the mismatch benchmark's per-arm plot).</summary>
public sealed class BarChartTests : IDisposable
{
    private static readonly string[] Arms = ["ce", "ls0.1", "ala"];

    private static readonly BarSeries[] Views =
    [
        new("end", [new BarValue(20, 1.5), new BarValue(18, 0.5), new BarValue(17, null)]),
        new("best validation", [new BarValue(19, 1), null, new BarValue(16.5, 2)]),
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ala-bars-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Create_TwoSeries_OneBarPlotPerSeriesSideBySideWithWhiskersAndGapsForMissingValues()
    {
        using var plot = BarChart.Create(Arms, Views, "bars", "error (%)");

        var plots = plot.GetPlottables().OfType<BarPlot>().ToArray();
        Assert.Equal(["end", "best validation"], plots.Select(p => p.LegendText));
        Assert.Equal([20.0, 18, 17], plots[0].Bars.Select(b => b.Value));
        Assert.Equal([1.5, 0.5, 0], plots[0].Bars.Select(b => b.Error));
        // Group width 0.8 split in two: the first series left of each category's centre, the second right of it.
        Assert.Equal([-0.2, 0.8, 1.8], plots[0].Bars.Select(b => Math.Round(b.Position, 9)));
        Assert.Equal([0.2, 2.2], plots[1].Bars.Select(b => Math.Round(b.Position, 9)));
        Assert.Equal([19.0, 16.5], plots[1].Bars.Select(b => b.Value));
    }

    [Fact]
    public void WriteBars_Values_ValidPngWithMoreInkThanWithoutValues()
    {
        var drawn = RunPlots.WriteBars(Path.Combine(_directory, "bars.png"), Arms, Views, "bars", "error (%)");
        var empty = RunPlots.WriteBars(Path.Combine(_directory, "empty.png"), Arms, [new BarSeries("end", [null, null, null])], "bars", "error (%)");

        using var bars = Png.AssertValid(drawn, RunPlots.Width, RunPlots.Height);
        using var blank = Png.AssertValid(empty, RunPlots.Width, RunPlots.Height);
        Assert.True(Png.Inked(bars) > Png.Inked(blank) + 2000, $"{Png.Inked(bars)} inked pixels, {Png.Inked(blank)} without values");
    }
}
