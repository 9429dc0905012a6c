using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Control;

public sealed class ClassPairTaskTests
{
    [Fact]
    public void Constructor_TenClasses_45GroupsOf24Features()
    {
        var task = new ClassPairTask(10, new ChildSettings());

        Assert.Equal(45, task.GroupCount);
        Assert.Equal(24, task.FeatureCount);
        var states = task.BuildStates(0.1);
        Assert.Equal(45, states.Length);
        Assert.All(states, row => Assert.Equal(24, row.Length));
    }

    [Fact]
    public void ApplyActions_Ala_MovesPhiByBeta()
    {
        var task = new ClassPairTask(3, new ChildSettings { Beta = 0.05 });

        task.ApplyActions([ActionSet.Increase, ActionSet.Decrease, ActionSet.Keep]);

        Assert.Equal(0.05, task.Phi[0, 1]);
        Assert.Equal(-0.05, task.Phi[2, 0]);
        Assert.Equal(0.05f, task.BuildStates(0)[0][22]);
    }

    [Theory]
    [InlineData(LossMode.Ce)]
    [InlineData(LossMode.Fixed)]
    public void ApplyActions_Baselines_PhiStaysIdentity(LossMode loss)
    {
        var task = new ClassPairTask(3, new ChildSettings { Loss = loss });

        task.ApplyActions([ActionSet.Increase, ActionSet.Decrease, ActionSet.Increase]);

        Assert.Equal(new LossParameters(3).ToArray(), task.Phi.ToArray());
    }

    [Theory]
    [InlineData(LossMode.Ala)]
    [InlineData(LossMode.Ce)]
    public void ApplyActions_WrongCount_Throws(LossMode loss)
    {
        var task = new ClassPairTask(3, new ChildSettings { Loss = loss });

        Assert.Throws<ArgumentException>(() => task.ApplyActions([ActionSet.Keep]));
    }

    [Fact]
    public void Observe_Matrix_ForwardedToStateBuilderWithOptionsHistory()
    {
        var task = new ClassPairTask(3, new ChildSettings { HistoryLength = 2 });
        var confusion = new double[3, 3];
        confusion[0, 1] = 1.0;

        task.Observe(confusion);

        Assert.Equal(8, task.FeatureCount);
        Assert.Single(task.States.History);
        Assert.Equal(Math.Log(2.0), task.BuildStates(0)[0][0], 6);
    }

    [Fact]
    public void SaveThenLoad_AfterMoves_PutsBackPhiOffsetsAndHistory()
    {
        var task = new ClassPairTask(3, new ChildSettings { ClassOffsets = true, HistoryLength = 2 });
        var confusion = new double[3, 3];
        confusion[1, 2] = 0.5;
        task.Observe(confusion);
        var saved = task.Save();
        var states = task.BuildStates(0.5);

        task.ApplyActions([ActionSet.Increase, ActionSet.Decrease, ActionSet.Increase, ActionSet.Decrease, ActionSet.Keep, ActionSet.Increase]);
        task.Observe(new double[3, 3]);
        task.Load(saved);

        Assert.Equal(new LossParameters(3).ToArray(), task.Phi.ToArray());
        Assert.Equal(new double[3], task.Offsets!.ToArray());
        Assert.Equal([0, 0, 0, 0, 0, 0.5, 0, 0, 0], Assert.Single(task.Save().History));
        Assert.Equal(states, task.BuildStates(0.5));
    }

    [Fact]
    public void Load_HistoryLongerThanKept_ThrowsAndChangesNothing()
    {
        var task = new ClassPairTask(3, new ChildSettings { HistoryLength = 1 });
        task.ApplyActions([ActionSet.Increase, ActionSet.Keep, ActionSet.Keep]);
        var before = task.Save();
        var state = new LossTaskState(new LossParameters(3).ToArray(), null, [new double[9], new double[9]]);

        var error = Assert.Throws<ArgumentException>(() => task.Load(state));

        Assert.Equal("2 observations, the history keeps 1", error.Message);
        Assert.Equal(before.Parameters, task.Phi.ToArray());
    }

    [Fact]
    public void Check_HistoryEntryOfWrongSize_NamesTheSizes()
    {
        var task = new ClassPairTask(3, new ChildSettings());

        var error = Assert.Throws<ArgumentException>(() => task.Check(new LossTaskState(new LossParameters(3).ToArray(), null, [new double[4]])));

        Assert.Equal("a history entry has 4 values, expected 9", error.Message);
    }

    [Fact]
    public void FeatureCount_EveryClassificationTaskKind_IsTheClassPairStates()
    {
        foreach (var kind in Enum.GetValues<TaskKind>())
        {
            var options = new ExperimentOptions { Task = kind, HistoryLength = 3 };
            Assert.Equal(new ClassPairTask(4, options.ChildSettings()).FeatureCount, LossTasks.FeatureCount(options));
        }
    }
}
