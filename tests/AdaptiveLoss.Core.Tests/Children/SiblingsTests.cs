using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Tests.Children;

/// <summary>Sibling rounds' pure parts (docs/credit.md): ids, mirrored actions and the sibling a child continues from.</summary>
public sealed class SiblingsTests
{
    [Fact]
    public void Ids_OneSiblingIsTheChildItself_SeveralAreNumbered()
    {
        Assert.Equal(["exp/3"], Siblings.Ids("exp/3", 1));
        Assert.Equal(["exp/3~0", "exp/3~1", "exp/3~2"], Siblings.Ids("exp/3", 3));
        Assert.Equal(["e/0~0", "e/0~1", "e/1~0", "e/1~1"], Siblings.Ids(["e/0", "e/1"], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Siblings.Ids("e/0", 0));
    }

    [Fact]
    public void Mirror_SwapsTheDirectionsAndKeepsKeep()
    {
        int[] actions = [ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase, ActionSet.Increase];

        Assert.Equal([ActionSet.Increase, ActionSet.Keep, ActionSet.Decrease, ActionSet.Decrease], Siblings.Mirror(actions));
        Assert.Equal(actions, Siblings.Mirror(Siblings.Mirror(actions)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Siblings.Mirror([3]));
    }

    [Fact]
    public void Choose_TheBestWindowEndMetric_NotTheBestMean()
    {
        // Sibling 0 has the better discounted mean, sibling 1 the better window end: the child continues from the end state.
        WindowReport[] reports = [Report(0.30, 0.20), Report(0.10, 0.25), Report(0.40, 0.30)];

        Assert.Equal(1, Siblings.Choose(reports, MetricDirection.LowerIsBetter));
        Assert.Equal(2, Siblings.Choose(reports, MetricDirection.HigherIsBetter));
    }

    [Fact]
    public void Choose_TieGoesToTheLowestIndex_DiscardedNeverChosen()
    {
        Assert.Equal(0, Siblings.Choose([Report(0.2), Report(0.2)], MetricDirection.LowerIsBetter));
        Assert.Equal(1, Siblings.Choose([Report(0.1, discarded: true), Report(0.2), Report(0.2)], MetricDirection.LowerIsBetter));
        Assert.Equal(1, Siblings.Choose([Report(double.NaN), Report(0.9)], MetricDirection.LowerIsBetter));
        Assert.Equal(-1, Siblings.Choose([Report(0.1, discarded: true), Report(0.2, discarded: true)], MetricDirection.LowerIsBetter));
    }

    private static WindowReport Report(double end, double first = 0.5, bool discarded = false) =>
        new("e/0~0", 0, 0, 10, 100, [first, end], (first + end) / 2, 0, 0, [], [], discarded, discarded ? "guard" : null,
            new PhiStats(0, 0, 0), 0, 0, end);
}
