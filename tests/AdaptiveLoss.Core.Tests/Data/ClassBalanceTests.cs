using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

public sealed class ClassBalanceTests
{
    [Fact]
    public void Weights_HundredAndTenBetaPointNine_HandComputed()
    {
        // Raw (1−β)/(1−β^n): 0.1/(1 − 0.9^100) = 0.1/(1 − 2.6561e−5) = 0.1000026562; 0.1/(1 − 0.9^10) = 0.1/0.6513215599
        // = 0.1535339933. Normalised to sum 2: 2·0.1000026562/0.2535366495 = 0.7888615426, and 1.2111384574.
        var weights = ClassBalance.Weights([100, 10], 0.9);

        Assert.Equal(0.7888615425968193, weights[0], 12);
        Assert.Equal(1.2111384574031807, weights[1], 12);
    }

    [Fact]
    public void Weights_BetaHalf_ExactFractions()
    {
        // Raw 0.5/(1 − 0.5^n) for n = 1, 2, 3: 1, 2/3, 4/7, summing to 47/21; times 3/(47/21): 63/47, 42/47, 36/47.
        var weights = ClassBalance.Weights([1, 2, 3], 0.5);

        Assert.Equal(63.0 / 47, weights[0], 14);
        Assert.Equal(42.0 / 47, weights[1], 14);
        Assert.Equal(36.0 / 47, weights[2], 14);
    }

    [Fact]
    public void Weights_BetaZero_AllOne()
    {
        Assert.Equal([1.0, 1.0, 1.0], ClassBalance.Weights([5000, 50, 1], 0.0));
    }

    [Fact]
    public void Weights_EmptyClass_ZeroAndExcludedFromNormalisation()
    {
        var weights = ClassBalance.Weights([1, 0, 2, 3], 0.5);

        Assert.Equal(63.0 / 47, weights[0], 14);
        Assert.Equal(0.0, weights[1]);
        Assert.Equal(42.0 / 47, weights[2], 14);
        Assert.Equal(36.0 / 47, weights[3], 14);
        Assert.Equal(3.0, weights.Sum(), 14);
        Assert.Equal([0.0, 0.0], ClassBalance.Weights([0, 0], 0.9));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Weights_BetaOutsideUnitInterval_Throws(double beta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassBalance.Weights([1, 2], beta));
    }

    [Fact]
    public void LogPriors_CountsAndEmptyClassFloor()
    {
        var priors = ClassBalance.LogPriors([30, 10, 0]);

        // Σn = 40: log(30/40), log(10/40), and the floor log(0.5/40) for the empty class.
        Assert.Equal(Math.Log(0.75), priors[0], 15);
        Assert.Equal(Math.Log(0.25), priors[1], 15);
        Assert.Equal(Math.Log(0.5 / 40), priors[2], 15);
    }

    [Fact]
    public void LogPriors_NoImagesOrNegative_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassBalance.LogPriors([0, 0]));
        Assert.Throws<ArgumentException>(() => ClassBalance.LogPriors([3, -1]));
        Assert.Throws<ArgumentException>(() => ClassBalance.Weights([3, -1], 0.5));
    }
}
