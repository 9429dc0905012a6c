using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The paired statistics against hand calculations.</summary>
public sealed class StatisticsTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Summary_OneToFour_MeanTwoAndAHalfSampleStd()
    {
        var summary = Summary.Of([1, 2, 3, 4]);

        Assert.Equal(4, summary.N);
        Assert.Equal(2.5, summary.Mean!.Value, 12);
        // sqrt(((1.5² + 0.5²) · 2) / 3) = sqrt(5/3)
        Assert.Equal(Math.Sqrt(5.0 / 3.0), summary.Std!.Value, 12);
        Assert.Equal(1.2910, summary.Std.Value, Tolerance);
    }

    [Fact]
    public void Summary_OneValue_NoStd()
    {
        var summary = Summary.Of([7.5]);

        Assert.Equal((1, 7.5, (double?)null), (summary.N, summary.Mean, summary.Std));
    }

    [Fact]
    public void Summary_NoValues_NoMean()
    {
        Assert.Equal(new Summary(0, null, null), Summary.Of([]));
    }

    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(3, 3.1824)]
    [InlineData(7, 2.3646)]
    [InlineData(30, 2.0423)]
    [InlineData(31, 1.96)]
    [InlineData(1000, 1.96)]
    public void TwoSided95_TableAndNormalBeyond_StandardQuantile(int df, double expected)
    {
        Assert.Equal(expected, TQuantiles.TwoSided95(df));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TwoSided95_NoDegreesOfFreedom_Null(int df)
    {
        Assert.Null(TQuantiles.TwoSided95(df));
    }

    [Fact]
    public void ConfidenceInterval_OneToFour_TwoAndAHalfPlusMinus2Point0543()
    {
        var ci = ConfidenceInterval.Of(Summary.Of([1, 2, 3, 4]))!;

        // t_{0.975,3} · s / √4 = 3.1824 · 1.29099 / 2
        Assert.Equal(3.1824 * Math.Sqrt(5.0 / 3.0) / 2, ci.HalfWidth, 12);
        Assert.Equal(2.0543, ci.HalfWidth, Tolerance);
        Assert.Equal(2.5 - 2.0543, ci.Low, Tolerance);
        Assert.Equal(2.5 + 2.0543, ci.High, Tolerance);
        Assert.Equal((3.1824, 3), (ci.T, ci.DegreesOfFreedom));
        Assert.True(ci.ExcludesZero);
    }

    [Fact]
    public void ConfidenceInterval_SinglePair_None()
    {
        Assert.Null(ConfidenceInterval.Of(Summary.Of([0.3])));
    }

    [Fact]
    public void ConfidenceInterval_StraddlingZero_DoesNotExcludeIt()
    {
        // {-1, 1}: mean 0, s = √2, half width = 12.7062 · √2 / √2
        var ci = ConfidenceInterval.Of(Summary.Of([-1, 1]))!;

        Assert.Equal(12.7062, ci.HalfWidth, 12);
        Assert.False(ci.ExcludesZero);
    }

    [Fact]
    public void PairedDifference_CommonSeedsOnly_ArmMinusReferencePerSeed()
    {
        var arm = new Dictionary<int, double> { [1] = 11, [2] = 12, [3] = 13, [4] = 14 };
        var reference = new Dictionary<int, double> { [1] = 10, [2] = 10, [3] = 10, [4] = 10, [5] = 99 };

        var paired = PairedDifference.Of(arm, reference);

        Assert.Equal([1, 2, 3, 4], paired.Seeds);
        Assert.Equal([1.0, 2, 3, 4], paired.Differences);
        Assert.Equal(2.5, paired.Summary.Mean!.Value, 12);
        Assert.Equal(2.0543, paired.Interval!.HalfWidth, Tolerance);
    }

    [Fact]
    public void PairedDifference_OneChildVariant_PairsWithFirstSeedAndHasNoInterval()
    {
        var arm = new Dictionary<int, double> { [1] = 9.5 };
        var reference = new Dictionary<int, double> { [1] = 10, [2] = 11, [3] = 12 };

        var paired = PairedDifference.Of(arm, reference);

        Assert.Equal([1], paired.Seeds);
        Assert.Equal(-0.5, paired.Summary.Mean!.Value, 12);
        Assert.Null(paired.Interval);
    }

    [Fact]
    public void MovingAverage_WidthTwo_TrailingMeans()
    {
        Assert.Equal([1.0, 1.5, 2.5, 3.5], MovingAverage.Trailing([1, 2, 3, 4], 2));
    }

    [Fact]
    public void MovingAverage_WidthBeyondLength_RunningMean()
    {
        Assert.Equal([4.0, 3, 2], MovingAverage.Trailing([4, 2, 0], 5));
    }
}
