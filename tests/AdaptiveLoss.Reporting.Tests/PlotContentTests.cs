using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;
using AdaptiveLoss.Reporting.Plots;
using ScottPlot.Plottables;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>
/// What the plots hold, read from their plottables before saving (docs/cli.md): the Φ heatmap is the best child's
/// by validation, never by test; the reward plot carries the 5-round moving average of the round means.
/// </summary>
public sealed class PlotContentTests
{
    [Theory]
    [InlineData(MetricKind.Error)]
    [InlineData(MetricKind.F1)]
    public void CreatePhi_BestByValidationIsWorstByTest_HeatmapOfTheValidationBest(MetricKind metric)
    {
        // Error: child 1 has the lower validation metric; F1: child 0 the higher one. The test errors point the other
        // way each time, so a plot chosen on test would show the other child's Φ.
        var (good, bad) = metric == MetricKind.Error ? (0.10, 0.12) : (0.90, 0.88);
        var (best, other) = metric == MetricKind.Error ? (1, 0) : (0, 1);
        var status = new ExperimentStatus("exp", ExperimentState.Completed,
        [
            Statuses.Completed(best, good, 0.20, 0.08),
            Statuses.Completed(other, bad, 0.05, 0.04),
        ], 1);
        status = status with { Children = [.. status.Children.OrderBy(c => c.ChildId, StringComparer.Ordinal)] };
        var history = RunHistoryBuilder.Build(Statuses.Options with { Metric = metric }, status, Statuses.Policy());

        using var plot = RunPlots.CreatePhi(history);

        var heatmap = Assert.Single(plot.GetPlottables().OfType<Heatmap>());
        var bestPhi = history.Children.Single(c => c.Id == $"exp/{best}").FinalPhi!;
        Assert.Equal(bestPhi, heatmap.Intensities.Cast<double>());
        Assert.Equal($"Final Φ of exp/{best} (best validation)", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void CreateRewards_SevenRounds_MovingAverageOfTheRoundMeansOverFiveRounds()
    {
        // Two children per round; round means 1, 2, ..., 7.
        var rewards = Enumerable.Range(1, 7)
            .SelectMany(r => new[] { new RewardRecord(r, "exp/0", r - 1, r - 0.5, r - 1), new RewardRecord(r, "exp/1", r - 1, r + 0.5, r - 1) })
            .ToList();

        using var plot = RunPlots.CreateRewards(rewards, "rewards");

        var lines = plot.GetPlottables().OfType<Scatter>().ToDictionary(s => s.LegendText, s => s.Data.GetScatterPoints());
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7], lines["round mean"].Select(p => p.Y));
        // Trailing mean over up to 5 rounds: 1, 1.5, 2, 2.5, 3, then (2+…+6)/5 = 4, (3+…+7)/5 = 5.
        Assert.Equal([1.0, 1.5, 2, 2.5, 3, 4, 5], lines["moving average (5 rounds)"].Select(p => p.Y));
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7], lines["moving average (5 rounds)"].Select(p => p.X));
        Assert.Equal(14, lines["reward of a child"].Count);
    }
}
