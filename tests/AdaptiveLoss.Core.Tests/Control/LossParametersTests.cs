using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Tests.Control;

public sealed class LossParametersTests
{
    private const int D = ActionSet.Decrease;
    private const int K = ActionSet.Keep;
    private const int I = ActionSet.Increase;

    [Fact]
    public void Constructor_AnyClasses_IsIdentity()
    {
        var phi = new LossParameters(3);

        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 1], phi.ToArray());
        Assert.Equal(new PhiStats(0, 0, 0), phi.Stats());
    }

    [Fact]
    public void Apply_ActionsInPairOrder_MoveBothSymmetricEntries()
    {
        var phi = new LossParameters(3);

        // Pairs in order (0,1), (0,2), (1,2).
        phi.Apply([I, D, K], beta: 0.05, phiMax: 0.2);

        Assert.Equal([1, 0.05, -0.05, 0.05, 1, 0, -0.05, 0, 1], phi.ToArray());
    }

    [Fact]
    public void Apply_ManySteps_DiagonalStaysOne()
    {
        var phi = new LossParameters(4);

        for (var step = 0; step < 5; step++)
        {
            phi.Apply([I, I, D, D, I, K], beta: 0.1, phiMax: 0.3);
        }

        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(1.0, phi[c, c]);
        }
    }

    [Fact]
    public void Apply_BeyondPhiMax_ClipsBothSigns()
    {
        var phi = new LossParameters(3);

        for (var step = 0; step < 4; step++)
        {
            phi.Apply([I, D, K], beta: 0.08, phiMax: 0.2);
        }

        Assert.Equal(0.2, phi[0, 1]);
        Assert.Equal(0.2, phi[1, 0]);
        Assert.Equal(-0.2, phi[0, 2]);
        Assert.Equal(-0.2, phi[2, 0]);
        Assert.Equal(0.0, phi[1, 2]);

        // One step back from the bound moves off it by exactly β.
        phi.Apply([D, K, K], beta: 0.08, phiMax: 0.2);
        Assert.Equal(0.12, phi[0, 1], 12);
    }

    [Fact]
    public void Apply_WrongActionCount_ThrowsNamingCounts()
    {
        var phi = new LossParameters(3);

        var error = Assert.Throws<ArgumentException>(() => phi.Apply([K, K], 0.1, 0.2));

        Assert.Contains("expected 3", error.Message);
        Assert.Contains("got 2", error.Message);
        Assert.Equal(new LossParameters(3).ToArray(), phi.ToArray());
    }

    [Fact]
    public void Apply_InvalidActionIndex_ThrowsAndLeavesPhiUnchanged()
    {
        var phi = new LossParameters(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => phi.Apply([I, I, 3], 0.1, 0.2));

        Assert.Equal(new LossParameters(3).ToArray(), phi.ToArray());
    }

    [Fact]
    public void Stats_HandMadePhi_MinMaxAndFrobeniusNorm()
    {
        var phi = new LossParameters(3);
        phi.Load([1, 0.1, -0.2, 0.1, 1, 0.05, -0.2, 0.05, 1]);

        var stats = phi.Stats();

        Assert.Equal(-0.2, stats.Min);
        Assert.Equal(0.1, stats.Max);
        // ‖Φ − I‖_F = sqrt(2·(0.1² + 0.2² + 0.05²)) = sqrt(0.105).
        Assert.Equal(Math.Sqrt(0.105), stats.NormFromIdentity, 12);
    }

    [Fact]
    public void Load_ValidPhi_RoundTripsThroughToArrayAndToRowMajor()
    {
        double[] values = [1, 0.1, -0.2, 0.1, 1, 0.05, -0.2, 0.05, 1];
        var phi = new LossParameters(3);

        phi.Load(values);

        Assert.Equal(values, phi.ToArray());
        Assert.Equal(values.Select(v => (float)v).ToArray(), phi.ToRowMajor());
        Assert.True(phi.IsFinite());
    }

    [Fact]
    public void Load_Asymmetric_ThrowsOneLineAndKeepsPhi()
    {
        var phi = new LossParameters(2);

        var error = Assert.Throws<ArgumentException>(() => phi.Load([1, 0.1, 0.2, 1]));

        Assert.Contains("symmetric", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal([1, 0, 0, 1], phi.ToArray());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Load_NonFinite_Throws(double bad)
    {
        var phi = new LossParameters(2);

        var error = Assert.Throws<ArgumentException>(() => phi.Load([1, bad, bad, 1]));

        Assert.Contains("not finite", error.Message);
    }

    [Fact]
    public void Load_DiagonalNotOne_Throws()
    {
        var phi = new LossParameters(2);

        var error = Assert.Throws<ArgumentException>(() => phi.Load([0.9, 0, 0, 1]));

        Assert.Contains("must be 1", error.Message);
    }

    [Fact]
    public void Load_WrongLength_Throws()
    {
        var phi = new LossParameters(2);

        var error = Assert.Throws<ArgumentException>(() => phi.Load([1, 0, 1]));

        Assert.Contains("4 entries", error.Message);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var phi = new LossParameters(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => phi[0, 3]);
    }
}
