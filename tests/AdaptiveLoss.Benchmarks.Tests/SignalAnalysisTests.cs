using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The diagnosis signals: within-round reward spread and the action trend, against hand calculations.</summary>
public sealed class SignalAnalysisTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Spread_SkipsRoundOneAndSingletons_MeanOfPopulationStds()
    {
        RunReward[] rewards =
        [
            new(1, "a", 0, 70, 0), new(1, "b", 0, 10, 0),      // round 1: the untrained model's jump, ignored
            new(2, "a", 1, 1, 1), new(2, "b", 1, 3, 1),        // std 1
            new(3, "a", 2, 0, 2), new(3, "b", 2, 0, 2), new(3, "c", 2, 6, 2), // mean 2, std sqrt((4+4+16)/3) = sqrt(8)
            new(4, "a", 3, 5, 3),                              // one reward: no spread
        ];

        Assert.Equal((1 + Math.Sqrt(8)) / 2, SignalAnalysis.Spread(rewards)!.Value, Tolerance);
    }

    [Fact]
    public void Spread_NoRoundWithTwoRewards_Null()
    {
        Assert.Null(SignalAnalysis.Spread([new(1, "a", 0, 1, 0), new(1, "b", 0, 2, 0), new(2, "a", 1, 3, 1)]));
    }

    [Fact]
    public void Trend_TenWindowsPerChild_FirstAndLastWindowPooledAndEntropy()
    {
        // Two children, 10 counted windows each (plus a discarded one that must not count): a tenth = 1 window.
        var history = History(
            Child(0, [[3, 3, 3], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [0, 0, 9]]),
            Child(1, [[6, 0, 0], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [0, 9, 0]], discardLast: true));

        var trend = SignalAnalysis.Trend(history)!;

        Assert.Equal(1, trend.WindowsPerPart);
        Assert.Equal([9.0 / 15, 3.0 / 15, 3.0 / 15], trend.Early);
        // Child 1's last counted window is its 10th ([0, 9, 0]); the discarded 11th is skipped.
        Assert.Equal([0, 0.5, 0.5], trend.Late);
        Assert.Equal(Math.Log(2), trend.LateEntropy, Tolerance);
    }

    [Fact]
    public void Trend_NoCountedWindow_Null()
    {
        Assert.Null(SignalAnalysis.Trend(History(Child(0, []))));
    }

    private static ChildHistory Child(int index, int[][] counts, bool discardLast = false)
    {
        var windows = counts.Select((c, w) => Window(w, c, null)).ToList();
        if (discardLast)
        {
            windows.Add(Window(counts.Length, [5, 5, 5], "non-finite loss"));
        }

        return new ChildHistory($"x/{index}", 1 + index, ChildState.Completed, null, 3, 0.1, 0.1, 0.1, 0.1, null, windows);
    }

    private static WindowSummary Window(int w, int[] counts, string? discard) =>
        new(w, 0, (w + 1) * 10L, 200, 0.2, 0.2, 0.1, w, 0.5, 1000, 0.1, discard, counts);

    private static RunHistory History(params ChildHistory[] children) =>
        new(RunHistory.CurrentFormat, "x", ExperimentState.Completed, 1.0, new ExperimentOptions { Children = children.Length },
            new PolicyHistory("x", 0, 0, 0, 0, 0), children, []);
}
