using AdaptiveLoss.Cli.Output;

namespace AdaptiveLoss.Cli.Tests.Progress;

/// <summary>Time left from the observed rate of progress, and how it is written.</summary>
public sealed class EtaEstimatorTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Estimate_RateFromFirstToLast_LeftOverRateMinusTimeSinceLast()
    {
        // 400 iterations in 20 s = 20 it/s; 600 left = 30 s, of which 5 s have passed since the last window.
        Assert.Equal(S(25), EtaEstimator.Estimate(S(10), 0, S(30), 400, 1000, S(35)));
    }

    [Theory]
    [InlineData(10, 0, 10, 0, 1000, 10)] // one observation: no rate
    [InlineData(10, 400, 30, 400, 1000, 40)] // no progress
    [InlineData(30, 0, 30, 400, 1000, 40)] // no time between (same poll)
    public void Estimate_NoRate_Null(double t0, long i0, double t1, long i1, long total, double now)
    {
        Assert.Null(EtaEstimator.Estimate(S(t0), i0, S(t1), i1, total, S(now)));
    }

    [Fact]
    public void Estimate_OverdueOrPastTheTotal_Zero()
    {
        Assert.Equal(TimeSpan.Zero, EtaEstimator.Estimate(S(0), 0, S(10), 500, 1000, S(60)));
        Assert.Equal(TimeSpan.Zero, EtaEstimator.Estimate(S(0), 0, S(10), 1200, 1000, S(10)));
    }

    [Fact]
    public void Observe_RepeatedPollsOfTheSameWindow_KeepTheTimeOfItsFirstSight()
    {
        var eta = new EtaEstimator();
        eta.Observe("c", 0, S(0));
        eta.Observe("c", 200, S(10));
        eta.Observe("c", 200, S(12)); // the same window polled again: no new progress
        eta.Observe("c", 100, S(13)); // never backwards

        // 20 it/s since the origin; 800 left = 40 s, 4 s gone since the window appeared.
        Assert.Equal(S(36), eta.Eta("c", 1000, S(14)));
        Assert.Null(eta.Eta("unknown", 1000, S(14)));
    }

    [Theory]
    [InlineData(null, "--:--")]
    [InlineData(0.0, "0:00")]
    [InlineData(0.2, "0:01")] // rounded up: "0:00" only when nothing is left
    [InlineData(83.0, "1:23")]
    [InlineData(3599.5, "1:00:00")]
    [InlineData(3661.0, "1:01:01")]
    [InlineData(36.0 * 3600, "36:00:00")]
    public void Format_Durations(double? seconds, string expected)
    {
        Assert.Equal(expected, EtaEstimator.Format(seconds is null ? null : S(seconds.Value)));
    }
}
