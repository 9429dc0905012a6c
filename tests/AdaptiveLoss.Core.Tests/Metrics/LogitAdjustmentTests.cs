using AdaptiveLoss.Core.Metrics;

namespace AdaptiveLoss.Core.Tests.Metrics;

public sealed class LogitAdjustmentTests
{
    [Fact]
    public void Adjust_UniformPriors_ReturnsInput()
    {
        var logp = MetricRows.LogOf([0.2, 0.3, 0.5], [0.6, 0.3, 0.1]);
        var uniform = Enumerable.Repeat(Math.Log(1.0 / 3), 3).ToArray();

        var adjusted = LogitAdjustment.Adjust(logp, 3, uniform, tau: 1.0);

        Assert.Equal(logp.Length, adjusted.Length);
        for (var k = 0; k < logp.Length; k++)
        {
            Assert.Equal(logp[k], adjusted[k], 1e-6);
        }
    }

    [Fact]
    public void Adjust_RareClassPrior_FlipsArgMaxAndRenormalises()
    {
        var logp = MetricRows.LogOf([0.6, 0.4]);
        double[] logPriors = [Math.Log(0.9), Math.Log(0.1)];

        var adjusted = LogitAdjustment.Adjust(logp, 2, logPriors, tau: 1.0);

        // s = (log 0.6 − log 0.9, log 0.4 − log 0.1) = (log 2/3, log 4); softmax = (2/3, 4) / (14/3) = (1/7, 6/7).
        Assert.Equal(Math.Log(1.0 / 7), adjusted[0], 1e-6);
        Assert.Equal(Math.Log(6.0 / 7), adjusted[1], 1e-6);
        Assert.Equal(0.0, ClassificationMetrics.Error(adjusted, [1], 2));
        Assert.Equal(1.0, ClassificationMetrics.Error(logp, [1], 2));
    }

    [Fact]
    public void Adjust_HalfTau_ScalesThePriorShift()
    {
        var logp = MetricRows.LogOf([0.5, 0.5]);
        double[] logPriors = [Math.Log(0.8), Math.Log(0.2)];

        var adjusted = LogitAdjustment.Adjust(logp, 2, logPriors, tau: 0.5);

        // s ∝ (0.8^−½, 0.2^−½) → odds √(0.8/0.2) = 2 for class 1: (1/3, 2/3).
        Assert.Equal(Math.Log(1.0 / 3), adjusted[0], 1e-6);
        Assert.Equal(Math.Log(2.0 / 3), adjusted[1], 1e-6);
    }

    [Fact]
    public void Adjust_WrongPriorCountOrNonFinite_Throws()
    {
        var logp = MetricRows.LogOf([0.5, 0.5]);

        Assert.Throws<ArgumentException>(() => LogitAdjustment.Adjust(logp, 2, [0.0], 1.0));
        Assert.Throws<ArgumentException>(() => LogitAdjustment.Adjust(logp, 2, [0.0, double.NegativeInfinity], 1.0));
        Assert.Throws<ArgumentException>(() => LogitAdjustment.Adjust(logp, 2, [0.0, 0.0], double.NaN));
        Assert.Throws<ArgumentException>(() => LogitAdjustment.Adjust(new float[3], 2, [0.0, 0.0], 1.0));
    }
}
