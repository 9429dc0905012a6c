using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;
using AdaptiveLoss.Reporting.Plots;

namespace AdaptiveLoss.Reporting.Tests;

public sealed class RunPlotsTests : IDisposable
{
    private static readonly RunHistory History = RunHistoryBuilder.Build(Statuses.Options, Statuses.Experiment(), Statuses.Policy());
    private static readonly RunHistory Empty = RunHistoryBuilder.Build(Statuses.Options,
        new ExperimentStatus("exp", ExperimentState.Failed, [], 0), new PolicySummary("exp", 0, 0, 0, 0, 0, []));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ala-plots-{Guid.NewGuid():N}");

    public static TheoryData<string> Plots => ["validation", "rewards", "actions", "phi"];

    [Theory]
    [MemberData(nameof(Plots))]
    public void Write_History_ValidPngOfDefaultSizeWithMoreInkThanWithoutData(string plot)
    {
        var path = Write(plot, History, "data.png");
        var empty = Write(plot, Empty, "empty.png");

        Assert.Equal(Path.Combine(_directory, "data.png"), path);
        using var drawn = Png.AssertValid(path, RunPlots.Width, RunPlots.Height);
        using var blank = Png.AssertValid(empty, RunPlots.Width, RunPlots.Height);
        Assert.True(Png.DistinctColours(drawn) > 20, $"{plot}: {Png.DistinctColours(drawn)} colours");
        Assert.True(Png.Inked(drawn) > Png.Inked(blank) + 2000, $"{plot}: {Png.Inked(drawn)} inked pixels, {Png.Inked(blank)} without data");
    }

    [Fact]
    public void WriteValidation_SeveralArms_RequestedSizeAndOneLinePerArm()
    {
        var one = RunPlots.WriteValidation(Path.Combine(_directory, "one.png"), [RunSeries.MeanValidation(History, "ala")], "arms", "epoch", 640, 400);
        var two = RunPlots.WriteValidation(Path.Combine(_directory, "two.png"),
            [RunSeries.MeanValidation(History, "ala"), new PlotSeries("ce", [new(0.25, 30), new(1, 20), new(2, 12)])], "arms", "epoch", 640, 400);

        using var oneArm = Png.AssertValid(one, 640, 400);
        using var twoArms = Png.AssertValid(two, 640, 400);
        Assert.True(Png.Inked(twoArms) > Png.Inked(oneArm), "a second arm adds a line and a legend entry");
    }

    [Fact]
    public void WriteAll_History_FourNamedPngs()
    {
        var files = RunPlots.WriteAll(_directory, History);

        Assert.Equal(["validation.png", "rewards.png", "actions.png", "phi.png"], files.All.Select(Path.GetFileName));
        Assert.All(files.All, f => Png.AssertValid(f, RunPlots.Width, RunPlots.Height).Dispose());
    }

    /// <summary>A plot replaces the old file by a rename (docs/durability.md, "Durable writes"): no temporary file stays beside it.</summary>
    [Fact]
    public void WriteAll_OverOldFiles_ReplacesThemAndLeavesOnlyTheFourPngs()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "phi.png"), "a half-written picture");

        var files = RunPlots.WriteAll(_directory, History);

        Assert.Equal(["actions.png", "phi.png", "rewards.png", "validation.png"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files.All, f => Png.AssertValid(f, RunPlots.Width, RunPlots.Height).Dispose());
    }

    [Fact]
    public void WritePhi_WrongLength_ArgumentExceptionNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => RunPlots.WritePhi(Path.Combine(_directory, "phi.png"), [1, 0, 0], 2, "Φ"));

        Assert.Contains("3 entries, not 2·2", error.Message);
        Assert.False(File.Exists(Path.Combine(_directory, "phi.png")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Write(string plot, RunHistory history, string name)
    {
        var path = Path.Combine(_directory, name);
        return plot switch
        {
            "validation" => RunPlots.WriteValidation(path, history),
            "rewards" => RunPlots.WriteRewards(path, history),
            "actions" => RunPlots.WriteActions(path, history),
            "phi" => RunPlots.WritePhi(path, history),
            _ => throw new ArgumentOutOfRangeException(nameof(plot)),
        };
    }
}
