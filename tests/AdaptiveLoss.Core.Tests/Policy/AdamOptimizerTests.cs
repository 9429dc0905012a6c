using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

public sealed class AdamOptimizerTests
{
    [Fact]
    public void Apply_FirstStep_MovesByLrTimesGOverAbsGPlusEpsilon()
    {
        var adam = new AdamOptimizer(3, learningRate: 0.01);
        double[] theta = [1.0, 2.0, 3.0];

        adam.Apply(theta, [0.5, -2e-3, 0.0]);

        // Bias correction makes m̂ = g and v̂ = g² on the first step.
        Assert.Equal(1.0 - (0.01 * 0.5 / (0.5 + 1e-8)), theta[0], 14);
        Assert.Equal(2.0 + (0.01 * 2e-3 / (2e-3 + 1e-8)), theta[1], 14);
        Assert.Equal(3.0, theta[2]);
        Assert.Equal(1, adam.Step);
    }

    [Fact]
    public void Apply_SecondStep_UsesBiasCorrectedMoments()
    {
        var adam = new AdamOptimizer(1, learningRate: 0.1);
        double[] theta = [0.0];

        adam.Apply(theta, [1.0]);
        adam.Apply(theta, [3.0]);

        var m = (0.9 * 0.1) + (0.1 * 3.0);
        var v = (0.999 * 0.001) + (0.001 * 9.0);
        var mHat = m / (1 - (0.9 * 0.9));
        var vHat = v / (1 - (0.999 * 0.999));
        var first = -0.1 * 1.0 / (1.0 + 1e-8);
        Assert.Equal(first - (0.1 * mHat / (Math.Sqrt(vHat) + 1e-8)), theta[0], 14);
        Assert.Equal(m, adam.FirstMoment[0], 14);
        Assert.Equal(v, adam.SecondMoment[0], 14);
    }

    [Fact]
    public void Restore_SavedState_NextStepIdentical()
    {
        var original = new AdamOptimizer(2, 0.05);
        double[] theta = [0.3, -0.2];
        original.Apply(theta, [0.4, -1.0]);
        var restored = new AdamOptimizer(2, 0.05);
        restored.Restore(original.Step, original.FirstMoment.ToArray(), original.SecondMoment.ToArray());
        var copy = theta.ToArray();

        original.Apply(theta, [0.1, 0.2]);
        restored.Apply(copy, [0.1, 0.2]);

        Assert.Equal(theta, copy);
        Assert.Equal(2, restored.Step);
    }

    [Fact]
    public void Apply_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AdamOptimizer(2, 0.1).Apply(new double[2], new double[3]));
    }
}
