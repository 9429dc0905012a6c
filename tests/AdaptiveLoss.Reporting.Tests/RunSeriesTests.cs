using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;
using AdaptiveLoss.Reporting.Plots;

namespace AdaptiveLoss.Reporting.Tests;

public sealed class RunSeriesTests
{
    private static readonly RunHistory History = RunHistoryBuilder.Build(Statuses.Options, Statuses.Experiment(), Statuses.Policy());

    [Fact]
    public void ValidationPerChild_Windows_EpochsAgainstErrorInPercent()
    {
        var series = RunSeries.ValidationPerChild(History);

        Assert.Equal(["child 0", "child 1", "child 2"], series.Select(s => s.Label));
        // Window 3 of child 1: iteration 4 of 8 over 2 epochs = epoch 1.0; error 0.10 + 0.01·5 = 15 %.
        var point = series[1].Points[3];
        Assert.Equal(1.0, point.X, 12);
        Assert.Equal(15.0, point.Y, 9);
    }

    [Fact]
    public void ValidationPerChild_DiscardedWindow_LeftOut()
    {
        var child = Statuses.Completed(0, 0.1, 0.1, 0) with
        {
            Windows = [Statuses.Window(0, 0.2, [1, 1, 1]), Statuses.Window(1, 0.9, [1, 1, 1], discard: "collapse"), Statuses.Window(2, 0.15, [1, 1, 1])],
        };
        var history = RunHistoryBuilder.Build(Statuses.Options, new ExperimentStatus("exp", ExperimentState.Completed, [child], 1), Statuses.Policy());

        var points = RunSeries.ValidationPerChild(history)[0].Points;

        Assert.Equal([20.0, 15.0], points.Select(p => Math.Round(p.Y, 9)));
    }

    [Fact]
    public void MeanValidation_TwoCompletedAndOneFailedChild_MeanPerWindowIndex()
    {
        var mean = RunSeries.MeanValidation(History, "ala");

        Assert.Equal("ala", mean.Label);
        Assert.Equal(8, mean.Points.Count);
        // Window 0: children 0 and 1 at 0.12 + 0.08 and 0.10 + 0.08, the failed child at 0.5 → (20 + 18 + 50) / 3.
        Assert.Equal(88.0 / 3, mean.Points[0].Y, 9);
        Assert.Equal((0.12 + 0.01 + 0.10 + 0.01) / 2 * 100, mean.Points[7].Y, 9);
    }

    [Fact]
    public void ActionShares_CountsOfEveryChild_FractionsPerWindow()
    {
        var shares = RunSeries.ActionShares(History);

        Assert.Equal(8, shares.Count);
        // Window 2: [2,2,1] + [2,2,1] + the failed child's [0,0,3] = [4,4,5] of 13.
        Assert.Equal(new ActionShare(2, 4 / 13.0, 4 / 13.0, 5 / 13.0), shares[2]);
        Assert.All(shares, s => Assert.Equal(1.0, s.Decrease + s.Keep + s.Increase, 12));
    }

    [Fact]
    public void RoundMeans_Rewards_MeanPerRoundInOrder()
    {
        Assert.Equal([new PlotPoint(1, 0.125), new PlotPoint(2, 0.5), new PlotPoint(3, -0.5)], RunSeries.RoundMeans(History.Rewards));
    }

    [Fact]
    public void MovingAverage_WindowFive_TrailingMeanShorterAtTheStart()
    {
        var points = Enumerable.Range(1, 7).Select(i => new PlotPoint(i, i)).ToList();

        var average = RunSeries.MovingAverage(points, 5);

        Assert.Equal([1, 1.5, 2, 2.5, 3, 4, 5], average.Select(p => p.Y));
        Assert.Equal(points.Select(p => p.X), average.Select(p => p.X));
    }
}
