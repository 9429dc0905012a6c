using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The PNGs of an effect budget drawn with AdaptiveLoss.Reporting, with and without history.json.</summary>
public sealed class FigureRendererTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private EffectReport Analyse() =>
        EffectAnalysis.Analyse(EffectBudget.Short, _temp.Combine("runs"), new ReportingFigureRenderer(), _temp.Combine("figures"));

    [Fact]
    public void Render_ResultsJsonOnly_RewardPlotDrawnOthersSayNoHistory()
    {
        EffectFixture.Write(_temp.Combine("runs"));

        var figures = Analyse().Figures;

        Assert.Equal("short-rewards.png", figures[FigureKeys.RewardPerRound].File);
        Assert.True(IsPng(_temp.Combine("figures", "short-rewards.png")));
        Assert.All(
            [FigureKeys.ValidationError, FigureKeys.ActionDistribution, FigureKeys.PhiHeatmap],
            key => Assert.Null(figures[key].File));
        Assert.Contains("history.json", figures[FigureKeys.ValidationError].Note);
    }

    [Fact]
    public void Render_HistoryForCeAndAla_EveryFigureDrawnAndMissingArmsNamed()
    {
        EffectFixture.Write(_temp.Combine("runs"));
        RunHistoryFile.Write(_temp.Combine("runs", "short", "ce"), History("short-ce", LossMode.Ce));
        RunHistoryFile.Write(_temp.Combine("runs", "short", "ala"), History("short-ala", LossMode.Ala));

        var figures = Analyse().Figures;

        Assert.All(FigureKeys.All, f => Assert.True(IsPng(_temp.Combine("figures", figures[f.Key].File!)), f.Key));
        Assert.Equal("without frozen, paper (no history.json)", figures[FigureKeys.ValidationError].Note);
        // The history's best child by validation is child 1 (validation 0.05), as in results.json.
        Assert.Equal("child short-ala/1", figures[FigureKeys.PhiHeatmap].Note);
    }

    // Two children of 3 classes, 4 windows each; child 1 has the better validation metric.
    private static RunHistory History(string id, LossMode loss)
    {
        var options = new ExperimentOptions { Children = 2, Epochs = 1, Loss = loss };
        var children = Enumerable.Range(0, 2).Select(i => new ChildHistory(
            $"{id}/{i}", 1 + i, ChildState.Completed, null, 3, i == 1 ? 0.05 : 0.2, i == 1 ? 0.05 : 0.2, 0.1, 0.1,
            [1, 0.02 * (i + 1), 0, -0.02, 1, 0, 0, 0.04, 1],
            [.. Enumerable.Range(0, 4).Select(w => new WindowSummary(w, 0, (w + 1) * 10L, 40, 0.3 - (0.05 * w), 0.3 - (0.05 * w), 0.5, w, 0.4, 1000, 0.01 * w, null, [w, 2, 1]))]))
            .ToArray();
        var rewards = Enumerable.Range(0, 8).Select(k => new RewardRecord(1 + (k / 2), $"{id}/{k % 2}", k / 2, k - 3.5, k / 2)).ToArray();
        return new RunHistory(RunHistory.CurrentFormat, id, ExperimentState.Completed, 3.0, options, new PolicyHistory(id, 4, 4, 8, 4, 0), children, rewards);
    }

    private static bool IsPng(string path) =>
        File.Exists(path) && File.ReadAllBytes(path) is [0x89, (byte)'P', (byte)'N', (byte)'G', ..];
}
