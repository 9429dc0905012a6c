using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Control;

/// <summary>The per-class offsets δ (docs/mismatch.md, expressiveness): moves, clipping, states and the task's split of actions.</summary>
public sealed class ClassOffsetsTests
{
    private const int Tolerance = 6;

    [Fact]
    public void Apply_StepsClipAndKeep()
    {
        var offsets = new ClassOffsets(3);

        offsets.Apply([ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase], 0.25, 0.4);
        offsets.Apply([ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase], 0.25, 0.4);

        Assert.Equal([-0.4, 0.0, 0.4], offsets.ToArray());
    }

    [Fact]
    public void Apply_BadIndexOrCount_LeavesDeltaUnchanged()
    {
        var offsets = new ClassOffsets(3);
        offsets.Apply([ActionSet.Increase, ActionSet.Increase, ActionSet.Increase], 0.1, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => offsets.Apply([ActionSet.Increase, 7, ActionSet.Increase], 0.1, 1));
        Assert.Throws<ArgumentException>(() => offsets.Apply([ActionSet.Increase], 0.1, 1));
        Assert.Equal([0.1, 0.1, 0.1], offsets.ToArray());
    }

    [Fact]
    public void Load_NonFinite_IsRefused()
    {
        var offsets = new ClassOffsets(2);

        Assert.Throws<ArgumentException>(() => offsets.Load([0.0, double.NaN]));
        offsets.Load([0.5, -1]);
        Assert.Equal([0.5, -1.0], offsets.ToArray());
        Assert.True(offsets.IsFinite());
    }

    [Fact]
    public void BuildClasses_TwoObservations_OwnAndDrawnSeriesRelativeChangeDeltaAndProgress()
    {
        var builder = new PairStateBuilder(3);
        builder.Observe(new double[,] { { 1.0, 2.0, 3.0 }, { 4.0, 0.5, 6.0 }, { 2.0, 8.0, 1.5 } });
        builder.Observe(new double[,] { { 2.0, 1.0, 1.0 }, { 1.0, 1.0, 3.0 }, { 3.0, 4.0, 0.5 } });
        var offsets = new ClassOffsets(3);
        offsets.Apply([ActionSet.Keep, ActionSet.Decrease, ActionSet.Keep], 0.1, 3);

        var row = builder.BuildClasses(offsets, 0.75)[1];   // class 1

        // Own series C_11, most recent first: log1p(1), log1p(0.5); drawn = mean of C_01, C_21: (1 + 4)/2, then (2 + 8)/2.
        Assert.Equal(Math.Log(2.0), row[0], Tolerance);
        Assert.Equal(Math.Log(1.5), row[1], Tolerance);
        Assert.All(row[2..10], v => Assert.Equal(0f, v));
        Assert.Equal(Math.Log(3.5), row[10], Tolerance);
        Assert.Equal(Math.Log(6.0), row[11], Tolerance);
        // Relative changes on raw values: (1 − 0.5)/0.5 and (2.5 − 5)/5.
        Assert.Equal(1.0, row[20], Tolerance);
        Assert.Equal(-0.5, row[21], Tolerance);
        Assert.Equal(-0.1f, row[22]);
        Assert.Equal(0.75f, row[23]);
    }

    [Fact]
    public void Task_WithOffsets_StatesPairsThenClassesAndActionsSplitTheSameWay()
    {
        var task = new ClassPairTask(3, new ChildSettings { ClassOffsets = true, Beta = 0.05, OffsetBeta = 0.5 });

        Assert.Equal(6, task.GroupCount);
        Assert.Equal(6, task.BuildStates(0.1).Length);
        task.ApplyActions([ActionSet.Increase, ActionSet.Keep, ActionSet.Keep, ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase]);

        Assert.Equal(0.05, task.Phi[0, 1], 12);
        Assert.Equal(0.0, task.Phi[1, 2], 12);
        Assert.Equal([-0.5, 0.0, 0.5], task.Offsets!.ToArray());
        Assert.Equal(-0.5f, task.BuildStates(0.1)[3][22]);
    }

    [Fact]
    public void Task_WithOffsetsUnderFixedLoss_KeepsPhiAndDeltaButStillChecksTheCount()
    {
        var task = new ClassPairTask(3, new ChildSettings { ClassOffsets = true, Loss = LossMode.Fixed });

        task.ApplyActions([ActionSet.Increase, ActionSet.Increase, ActionSet.Increase, ActionSet.Increase, ActionSet.Increase, ActionSet.Increase]);

        Assert.Equal(0.0, task.Phi[0, 1]);
        Assert.Equal([0.0, 0.0, 0.0], task.Offsets!.ToArray());
        Assert.Throws<ArgumentException>(() => task.ApplyActions([ActionSet.Keep, ActionSet.Keep, ActionSet.Keep]));
    }

    [Fact]
    public void Task_AlaWithABadActionAmongTheOffsets_MovesNothing()
    {
        var task = new ClassPairTask(3, new ChildSettings { ClassOffsets = true });

        Assert.Throws<ArgumentOutOfRangeException>(() => task.ApplyActions([ActionSet.Increase, ActionSet.Increase, ActionSet.Increase, ActionSet.Increase, 9, ActionSet.Increase]));

        Assert.Equal(0.0, task.Phi[0, 1]);
        Assert.Equal([0.0, 0.0, 0.0], task.Offsets!.ToArray());
    }

    [Fact]
    public void Task_WithoutOffsets_IsThePaperTask()
    {
        var task = new ClassPairTask(4, new ChildSettings());

        Assert.Null(task.Offsets);
        Assert.Equal(6, task.GroupCount);
    }
}
