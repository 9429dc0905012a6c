using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Tests.Rewards;

public sealed class WindowRewardTests
{
    [Fact]
    public void DiscountedMean_FourValuesGamma09_MatchesEq4()
    {
        double[] m = [0.4, 0.3, 0.2, 0.1];
        const double g = 0.9;

        var mean = WindowReward.DiscountedMean(m, g);

        // Eq. 4 with S = 4: weights γ³, γ², γ¹, γ⁰ on M_1..M_4.
        var expected = ((g * g * g * m[0]) + (g * g * m[1]) + (g * m[2]) + m[3]) / ((g * g * g) + (g * g) + g + 1);
        Assert.Equal(expected, mean, 14);
        Assert.Equal(0.8146 / 3.439, mean, 14);
    }

    [Fact]
    public void DiscountedMean_GammaOne_IsPlainMean()
    {
        Assert.Equal(0.25, WindowReward.DiscountedMean([0.1, 0.2, 0.3, 0.4], 1.0), 14);
    }

    [Fact]
    public void DiscountedMean_SingleValue_IsThatValue()
    {
        Assert.Equal(0.37, WindowReward.DiscountedMean([0.37], 0.9), 14);
    }

    [Fact]
    public void DiscountedMean_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => WindowReward.DiscountedMean([], 0.9));
    }

    [Fact]
    public void Compute_ErrorFell_PositiveDiffInPercentagePoints()
    {
        var reward = WindowReward.Compute(0.20, 0.15, RewardKind.Diff, MetricDirection.LowerIsBetter);

        Assert.Equal(5.0, reward, 10);
    }

    [Fact]
    public void Compute_ErrorRose_NegativeDiffAndSign()
    {
        Assert.Equal(-2.0, WindowReward.Compute(0.10, 0.12, RewardKind.Diff, MetricDirection.LowerIsBetter), 10);
        Assert.Equal(-1.0, WindowReward.Compute(0.10, 0.12, RewardKind.Sign, MetricDirection.LowerIsBetter));
        Assert.Equal(1.0, WindowReward.Compute(0.12, 0.10, RewardKind.Sign, MetricDirection.LowerIsBetter));
    }

    [Fact]
    public void Compute_HigherIsBetterRose_PositiveReward()
    {
        Assert.Equal(10.0, WindowReward.Compute(0.5, 0.6, RewardKind.Diff, MetricDirection.HigherIsBetter), 10);
        Assert.Equal(1.0, WindowReward.Compute(0.5, 0.6, RewardKind.Sign, MetricDirection.HigherIsBetter));
        Assert.Equal(-1.0, WindowReward.Compute(0.6, 0.5, RewardKind.Sign, MetricDirection.HigherIsBetter));
    }

    [Theory]
    [InlineData(RewardKind.Diff, MetricDirection.LowerIsBetter)]
    [InlineData(RewardKind.Sign, MetricDirection.LowerIsBetter)]
    [InlineData(RewardKind.Diff, MetricDirection.HigherIsBetter)]
    [InlineData(RewardKind.Sign, MetricDirection.HigherIsBetter)]
    public void Compute_Tie_IsExactlyZero(RewardKind kind, MetricDirection direction)
    {
        Assert.Equal(0.0, WindowReward.Compute(0.3, 0.3, kind, direction));
        // A rounding-noise difference (1e-16 · 100 = 1e-14 points) is still a tie.
        Assert.Equal(0.0, WindowReward.Compute(0.3, 0.3 + 1e-16, kind, direction));
    }

    [Fact]
    public void Compute_NonFiniteMetric_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => WindowReward.Compute(0.3, double.NaN, RewardKind.Diff, MetricDirection.LowerIsBetter));
    }
}
