using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Control;

/// <summary>Each class pair's difference reward (docs/credit.md): the drop of its share of the metric, in percentage points.</summary>
public sealed class PairCreditTests
{
    private static readonly double[,] Soft = { { 0.1, 2, 3 }, { 2, 0.2, 3 }, { 3, 3, 0.1 } };

    [Fact]
    public void Rewards_DropOfEachPairsShare_InPercentagePoints()
    {
        var credit = new PairCredit(3);
        credit.Observe([0.10, 0.02, 0.00]);

        var rewards = credit.Rewards([0.04, 0.05, 0.00]);

        Assert.Equal([6.0, -3.0, 0.0], rewards!, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void Rewards_BeforeAnyObservation_AreNull()
    {
        Assert.Null(new PairCredit(3).Rewards([0.1, 0.1, 0.1]));
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.1 }, "2 pair shares, expected 3")]
    [InlineData(new[] { 0.1, -0.1, 0 }, "pair 1's share -0.1 is not in [0, 1]")]
    [InlineData(new[] { 0.1, double.NaN, 0 }, "pair 1's share NaN is not in [0, 1]")]
    public void Observe_BadShares_RefusedAndNothingKept(double[] shares, string expected)
    {
        var credit = new PairCredit(3);

        var error = Assert.Throws<ArgumentException>(() => credit.Observe(shares));

        Assert.StartsWith(expected, error.Message);
        Assert.Null(credit.Last);
    }

    [Fact]
    public void ClassPairTask_PairCredit_SavesAndRestoresTheShares()
    {
        var task = new ClassPairTask(3, new ChildSettings { Credit = CreditKind.Pair });
        task.Observe(Soft, [0.1, 0.2, 0.3]);
        var saved = task.Save();
        task.Observe(Soft, [0.0, 0.0, 0.0]);

        task.Load(saved);

        Assert.Equal([0.1, 0.2, 0.3], saved.Shares!);
        Assert.Equal([0.1, 0.2, 0.3], task.Credit!.Last!);
        Assert.Equal([10.0, 20.0, 30.0], task.Credit.Rewards([0, 0, 0])!, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void ClassPairTask_PairCreditWithoutShares_RefusedBeforeTheHistoryMoves()
    {
        var task = new ClassPairTask(3, new ChildSettings { Credit = CreditKind.Pair });

        Assert.Throws<ArgumentException>(() => task.Observe(Soft));

        Assert.Empty(task.States.History);
    }

    [Fact]
    public void ClassPairTask_GlobalCredit_HasNoCredit_AndSavesNoShares()
    {
        var task = new ClassPairTask(3, new ChildSettings());
        task.Observe(Soft, [0.1, 0.2, 0.3]);

        Assert.Null(task.Credit);
        Assert.Null(task.Save().Shares);
    }

    [Fact]
    public void ClassPairTask_CheckpointWithoutShares_ResumesWithout_ThenRewardsAfterTheNextObservation()
    {
        var task = new ClassPairTask(3, new ChildSettings { Credit = CreditKind.Pair });
        task.Observe(Soft, [0.1, 0.2, 0.3]);

        task.Load(new ClassPairTask(3, new ChildSettings()).Save());

        Assert.Null(task.Credit!.Last);
    }
}
