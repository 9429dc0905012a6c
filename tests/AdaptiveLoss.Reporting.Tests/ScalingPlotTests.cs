using AdaptiveLoss.Reporting.Plots;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>The log–log figure of a cost against a size (the coordinator's round time against the children).</summary>
public sealed class ScalingPlotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ala-scaling-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Write_TwoSeriesOverFourDecades_ValidPngWithMoreInkThanOneSeries()
    {
        PlotSeries round = new("round", [new(1, 2.4), new(10, 10), new(100, 100), new(10_000, 1_500)]);
        PlotSeries update = new("update", [new(1, 0.1), new(100, 9), new(10_000, 700)]);

        var one = ScalingPlot.Write(Path.Combine(_directory, "one.png"), [round], "scale", "children", "ms");
        var two = ScalingPlot.Write(Path.Combine(_directory, "two.png"), [round, update], "scale", "children", "ms");

        using var oneSeries = Png.AssertValid(one, RunPlots.Width, RunPlots.Height);
        using var twoSeries = Png.AssertValid(two, RunPlots.Width, RunPlots.Height);
        Assert.True(Png.Inked(twoSeries) > Png.Inked(oneSeries), "a second series adds a line and a legend entry");
    }

    [Fact]
    public void Write_OnlyNonPositivePoints_APlotWithANoteInsteadOfAnError()
    {
        var path = ScalingPlot.Write(Path.Combine(_directory, "none.png"), [new PlotSeries("zero", [new(0, 1), new(10, 0)])], "scale", "children", "ms");

        using var bitmap = Png.AssertValid(path, RunPlots.Width, RunPlots.Height);
        Assert.True(Png.DistinctColours(bitmap) > 1, "the note is drawn");
    }
}
