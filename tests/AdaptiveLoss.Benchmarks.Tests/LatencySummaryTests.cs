using AdaptiveLoss.Benchmarks.Costs;

namespace AdaptiveLoss.Benchmarks.Tests;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Of_OneToAHundred_MedianBetweenTheMiddleTwoAndNearestRankP99()
    {
        var summary = LatencySummary.Of([.. Enumerable.Range(1, 100).Reverse().Select(i => (double)i)]);

        Assert.Equal((100, 50.5, 99.0, 50.5, 1.0, 100.0), (summary.N, summary.MedianMs, summary.P99Ms, summary.MeanMs, summary.MinMs, summary.MaxMs));
    }

    [Fact]
    public void Of_FewValues_P99IsTheLargest()
    {
        var summary = LatencySummary.Of([3.0, 1.0, 2.0]);

        Assert.Equal((2.0, 3.0), (summary.MedianMs, summary.P99Ms));
    }

    [Fact]
    public void ThroughputOf_TwoPairs_RatioOfTheMedians()
    {
        // The slowest child ran 9 s less than the wall in bare runs and 9.5 s less in grains runs.
        ThroughputRun Run(string mode, int repeat, double ips) =>
            new(mode, repeat, 1000, 1000 / ips, ips, ips / 2, null, 1, (1000 / ips) - (mode == "bare" ? 9 : 9.5));
        var result = ThroughputResult.Of([Run("bare", 1, 100), Run("grains", 1, 99), Run("bare", 2, 110), Run("grains", 2, 101)]);

        Assert.Equal((105.0, 100.0), (result.BareImagesPerSecond, result.GrainsImagesPerSecond));
        Assert.Equal(100.0 / 105.0, result.Ratio, 12);
        Assert.Equal([0.99, 101.0 / 110.0], result.PairRatios);
        Assert.Equal(9, result.BareOutsideSeconds, 9);
        Assert.Equal(9.5, result.GrainsOutsideSeconds, 9);
    }
}
