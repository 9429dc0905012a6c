using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Children.Checkpoints;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>Branches of one child state (docs/noise-floor.md): the same window replayed with common random numbers or other batches.</summary>
public sealed class ChildForkTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();

    public void Dispose() => _data.Dispose();

    private ChildTrainer Trainer() => new(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data);

    [Fact]
    public void Branch_SameActionsAndBatches_IsTheUninterruptedRunsWindow()
    {
        var uninterrupted = new ScriptedController();
        using (var trainer = Trainer())
        {
            trainer.Run(uninterrupted, CancellationToken.None);
        }

        using var forked = Trainer();
        using var fork = forked.TrainAndFork(new ScriptedController(), windows: 3);
        var branch = forked.Branch(fork, new ScriptedController());

        CheckpointResumeTests.AssertSameReports([uninterrupted.Reports[3]], [branch]);
        Assert.Equal(uninterrupted.Reports[2].WindowMetric, fork.PreviousMetric);
    }

    [Fact]
    public void Branch_SeveralWindows_IsTheUninterruptedRunsNextWindows()
    {
        var uninterrupted = new ScriptedController();
        using (var trainer = Trainer())
        {
            trainer.Run(uninterrupted, CancellationToken.None);
        }

        using var forked = Trainer();
        using var fork = forked.TrainAndFork(new ScriptedController(), windows: 2);
        var ended = new List<int>();
        var branch = forked.Branch(fork, new ScriptedController(), windows: 2, windowEnded: r => ended.Add(r.Window));

        CheckpointResumeTests.AssertSameReports([uninterrupted.Reports[2], uninterrupted.Reports[3]], branch);
        Assert.Equal([2, 3], ended);
    }

    [Fact]
    public void Branch_PastTheRunsLastWindow_IsRefused()
    {
        var uninterrupted = new ScriptedController();
        using (var trainer = Trainer())
        {
            trainer.Run(uninterrupted, CancellationToken.None);
        }

        using var forked = Trainer();
        using var fork = forked.TrainAndFork(new ScriptedController(), windows: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => forked.Branch(fork, new ScriptedController(), windows: uninterrupted.Reports.Count - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => forked.Branch(fork, new ScriptedController(), windows: 0));
    }

    [Fact]
    public void Branch_Repeated_PutsTheForkBackEveryTime()
    {
        using var trainer = Trainer();
        using var fork = trainer.TrainAndFork(new ScriptedController(), windows: 2);

        var first = trainer.Branch(fork, new FixedActions(ActionSet.Keep));
        var other = trainer.Branch(fork, new FixedActions(ActionSet.Increase));
        var again = trainer.Branch(fork, new FixedActions(ActionSet.Keep));

        CheckpointResumeTests.AssertSameReports([first], [again]);
        Assert.NotEqual(first.TrainLoss, other.TrainLoss);
    }

    [Fact]
    public void Branch_AnotherBatchSeed_DrawsOtherBatchesFromTheSameState()
    {
        using var trainer = Trainer();
        using var fork = trainer.TrainAndFork(new ScriptedController(), windows: 2);

        var own = trainer.Branch(fork, new FixedActions(ActionSet.Keep));
        var other = trainer.Branch(fork, new FixedActions(ActionSet.Keep), batchSeed: 1234);
        var ownAgain = trainer.Branch(fork, new FixedActions(ActionSet.Keep), batchSeed: null);

        Assert.NotEqual(own.TrainLoss, other.TrainLoss);
        Assert.Equal(own.Iteration, other.Iteration);
        CheckpointResumeTests.AssertSameReports([own], [ownAgain]);
    }

    /// <summary>The same action on every group, every window.</summary>
    private sealed class FixedActions(int action) : IChildController
    {
        public PolicyDecision Decide(string childId, int window, float[][] states) =>
            new(states.Select(_ => action).ToArray(), 0, 0);

        public void Report(WindowReport report)
        {
        }
    }
}
