using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Control;

/// <summary><see cref="PhiGroupKind.All"/>: one decision moves every off-diagonal Φ entry; its state is the mean of the pair rows.</summary>
public sealed class ClassPairTaskAllPairsTests
{
    private static readonly ChildSettings AllPairs = new() { PhiGroups = PhiGroupKind.All, Beta = 0.05, PhiMax = 0.12 };

    // Soft confusions whose pairs differ, so that the pairs' state rows differ and their mean is not any one of them.
    private static readonly double[,] Confusion = { { 0.8, 0.15, 0.05 }, { 0.1, 0.6, 0.3 }, { 0.0, 0.2, 0.8 } };

    [Fact]
    public void Groups_OneForThePairs_PlusOnePerClassWithOffsets()
    {
        Assert.Equal(1, new ClassPairTask(10, AllPairs).GroupCount);
        Assert.Equal(11, new ClassPairTask(10, AllPairs with { ClassOffsets = true }).GroupCount);
    }

    [Fact]
    public void BuildStates_OneRow_TheMeanOfThePairRowsFeatureByFeature()
    {
        var (pairs, all) = (new ClassPairTask(3, AllPairs with { PhiGroups = PhiGroupKind.Pairs }), new ClassPairTask(3, AllPairs));
        pairs.Observe(Confusion);
        all.Observe(Confusion);

        var rows = pairs.BuildStates(0.5);
        var state = Assert.Single(all.BuildStates(0.5));

        Assert.Equal(3, rows.Length);
        Assert.Equal(rows[0].Length, state.Length);
        for (var f = 0; f < state.Length; f++)
        {
            Assert.Equal((rows[0][f] / 3f) + (rows[1][f] / 3f) + (rows[2][f] / 3f), state[f], 6);
        }

        Assert.NotEqual(rows[0], state);
    }

    [Fact]
    public void ApplyActions_OneIncrease_MovesEveryOffDiagonalEntryByBetaUpToPhiMax()
    {
        var task = new ClassPairTask(3, AllPairs);

        task.ApplyActions([ActionSet.Increase]);
        Assert.All(OffDiagonal(task), v => Assert.Equal(0.05, v, 12));

        task.ApplyActions([ActionSet.Increase]);
        task.ApplyActions([ActionSet.Increase]);
        Assert.All(OffDiagonal(task), v => Assert.Equal(0.12, v, 12));

        task.ApplyActions([ActionSet.Decrease]);
        Assert.All(OffDiagonal(task), v => Assert.Equal(0.07, v, 12));
        Assert.Equal(1.0, task.Phi[1, 1]);
    }

    [Fact]
    public void ApplyActions_WithOffsets_TheGroupsAfterTheFirstMoveTheOffsets()
    {
        var task = new ClassPairTask(3, AllPairs with { ClassOffsets = true, OffsetBeta = 0.1 });

        task.ApplyActions([ActionSet.Keep, ActionSet.Increase, ActionSet.Keep, ActionSet.Decrease]);

        Assert.All(OffDiagonal(task), v => Assert.Equal(0, v));
        Assert.Equal([0.1, 0, -0.1], task.Offsets!.ToArray());
    }

    [Fact]
    public void ApplyActions_OnePerPair_RefusedNamingTheOneGroup()
    {
        var error = Assert.Throws<ArgumentException>(() => new ClassPairTask(3, AllPairs).ApplyActions([1, 1, 1]));

        Assert.StartsWith("expected 1 actions (one for all class pairs), got 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LossMode.Ce)]
    [InlineData(LossMode.Fixed)]
    public void Validate_AllPairsWithoutAla_RefusedNamingTheLoss(LossMode loss)
    {
        var error = Assert.Single(new ExperimentOptions { PhiGroups = PhiGroupKind.All, Loss = loss }.Validate());

        Assert.Equal("PhiGroups groups the policy's actions on Φ, so it needs Loss ala", error.ToString());
    }

    private static IEnumerable<double> OffDiagonal(ClassPairTask task) =>
        from i in Enumerable.Range(0, 3) from j in Enumerable.Range(0, 3) where i != j select task.Phi[i, j];
}
