using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Tests.Control;

public sealed class PairStateBuilderTests
{
    private const int Tolerance = 6;

    [Fact]
    public void FeatureCount_DefaultHistory_Is24()
    {
        Assert.Equal(24, new PairStateBuilder(10).FeatureCount);
        Assert.Equal(10, new PairStateBuilder(5, 3).FeatureCount);
    }

    [Fact]
    public void Build_BeforeObserve_HistoryZeroPhiAndProgressInPlace()
    {
        var phi = new LossParameters(3);
        phi.Apply([ActionSet.Increase, ActionSet.Keep, ActionSet.Keep], 0.05, 0.2);
        var builder = new PairStateBuilder(3);

        var rows = builder.Build(phi, 0.25);

        Assert.Equal(3, rows.Length);
        Assert.All(rows, row => Assert.Equal(24, row.Length));
        Assert.All(rows, row => Assert.All(row[..22], v => Assert.Equal(0f, v)));
        Assert.Equal(0.05f, rows[0][22]);
        Assert.Equal(0f, rows[1][22]);
        Assert.All(rows, row => Assert.Equal(0.25f, row[23]));
    }

    [Fact]
    public void Build_TwoObservations_Log1pMostRecentFirstPaddedAndRelativeChange()
    {
        var builder = new PairStateBuilder(3);
        builder.Observe(Confusion(c01: 1.0, c10: 3.0));
        builder.Observe(Confusion(c01: 2.0, c10: 0.5));

        var row = builder.Build(new LossParameters(3), 0.5)[0];   // pair (0, 1)

        // C_01 history, most recent first: log1p(2), log1p(1), then 8 zeros.
        Assert.Equal(Math.Log(3.0), row[0], Tolerance);
        Assert.Equal(Math.Log(2.0), row[1], Tolerance);
        Assert.All(row[2..10], v => Assert.Equal(0f, v));
        // C_10 history: log1p(0.5), log1p(3), then zeros.
        Assert.Equal(Math.Log(1.5), row[10], Tolerance);
        Assert.Equal(Math.Log(4.0), row[11], Tolerance);
        Assert.All(row[12..20], v => Assert.Equal(0f, v));
        // Relative change on raw C: (2 − 1)/1 and (0.5 − 3)/3.
        Assert.Equal(1.0, row[20], Tolerance);
        Assert.Equal(-2.5 / 3.0, row[21], Tolerance);
        Assert.Equal(0f, row[22]);
        Assert.Equal(0.5f, row[23]);
    }

    [Fact]
    public void Build_OneObservation_RelativeChangeZero()
    {
        var builder = new PairStateBuilder(3);
        builder.Observe(Confusion(c01: 2.0, c10: 4.0));

        var row = builder.Build(new LossParameters(3), 0)[0];

        Assert.Equal(Math.Log(3.0), row[0], Tolerance);
        Assert.Equal(Math.Log(5.0), row[10], Tolerance);
        Assert.Equal(0f, row[20]);
        Assert.Equal(0f, row[21]);
    }

    [Fact]
    public void Build_LargeChange_ClippedToPlusMinusThree()
    {
        var builder = new PairStateBuilder(3);
        builder.Observe(Confusion(c01: 0.1, c10: -0.5));
        builder.Observe(Confusion(c01: 1.0, c10: 2.0));

        var row = builder.Build(new LossParameters(3), 0)[0];

        // (1 − 0.1)/0.1 = 9 → 3; (2 − (−0.5))/(−0.5) = −5 → −3.
        Assert.Equal(3f, row[20]);
        Assert.Equal(-3f, row[21]);
    }

    [Fact]
    public void Observe_BeyondHistory_KeepsLastHAndAveragesOnlyKeptEarlierOnes()
    {
        var builder = new PairStateBuilder(3, history: 3);
        builder.Observe(Confusion(c01: 100.0, c10: 0));
        builder.Observe(Confusion(c01: 1.0, c10: 0));
        builder.Observe(Confusion(c01: 3.0, c10: 0));
        builder.Observe(Confusion(c01: 4.0, c10: 0));

        var row = builder.Build(new LossParameters(3), 1)[0];

        Assert.Equal(10, row.Length);
        Assert.Equal(3, builder.History.Count);
        Assert.Equal(1.0, builder.History[0][0, 1]);
        Assert.Equal(Math.Log(5.0), row[0], Tolerance);
        Assert.Equal(Math.Log(4.0), row[1], Tolerance);
        Assert.Equal(Math.Log(2.0), row[2], Tolerance);
        // Earlier kept observations 1 and 3: mean 2, (4 − 2)/2 = 1 (the evicted 100 does not count).
        Assert.Equal(1.0, row[6], Tolerance);
        Assert.Equal(0f, row[7]);
        Assert.Equal(1f, row[9]);
    }

    [Fact]
    public void Build_PairOrder_FollowsClassPairs()
    {
        var confusion = new double[3, 3];
        confusion[1, 2] = 1.0;
        confusion[2, 1] = 2.0;
        var builder = new PairStateBuilder(3);
        builder.Observe(confusion);

        var rows = builder.Build(new LossParameters(3), 0);

        // Pair (1, 2) is the third group.
        Assert.Equal(0f, rows[0][0]);
        Assert.Equal(Math.Log(2.0), rows[2][0], Tolerance);
        Assert.Equal(Math.Log(3.0), rows[2][10], Tolerance);
    }

    [Fact]
    public void Observe_StoresCopy_LaterCallerMutationIgnored()
    {
        var confusion = Confusion(c01: 1.0, c10: 1.0);
        var builder = new PairStateBuilder(3);
        builder.Observe(confusion);

        confusion[0, 1] = 50.0;

        Assert.Equal(1.0, builder.History[0][0, 1]);
    }

    [Fact]
    public void Observe_WrongShapeOrNonFinite_Throws()
    {
        var builder = new PairStateBuilder(3);
        var nan = Confusion(c01: double.NaN, c10: 0);

        Assert.Throws<ArgumentException>(() => builder.Observe(new double[2, 2]));
        Assert.Throws<ArgumentException>(() => builder.Observe(nan));
        Assert.Empty(builder.History);
    }

    private static double[,] Confusion(double c01, double c10)
    {
        var c = new double[3, 3];
        c[0, 1] = c01;
        c[1, 0] = c10;
        return c;
    }
}
