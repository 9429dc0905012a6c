using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Children;

namespace AdaptiveLoss.Training.Tests.Tasks;

/// <summary>
/// The task seam (docs/design.md §3): a second task, unknown to the trainer, trains through the same window loop, the
/// same controller calls (the grains' and the coordinator's only view: groups × features states, action indices,
/// rewards), the same rollbacks and the same checkpoints.
/// </summary>
public sealed class SecondTaskTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _data.Dispose();
        _folder.Dispose();
    }

    private ChildTrainer Trainer(DistanceBinTrainingTask task, string? folder = null) =>
        new(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data, (_, _, _) => task, folder);

    [Fact]
    public void Run_DistanceBinTask_StatesAreBinsByFeaturesAndActionsMoveItsWeights()
    {
        var controller = new RecordingController();
        var task = new DistanceBinTrainingTask(_data);
        using var trainer = Trainer(task);

        var outcome = trainer.Run(controller, CancellationToken.None);

        Assert.Equal(6, controller.Reports.Count);
        Assert.All(controller.States, s => Assert.Equal((2, 3), (s.Length, s.Min(r => r.Length))));
        // Every decision reached the task, and the weights it reports are the ones the actions made.
        Assert.Equal(controller.Reports.Select(r => r.Actions), task.Bins.Applied);
        Assert.Equal(task.Bins.Weights, outcome.FinalPhi);
        Assert.True(outcome.Phi.NormFromIdentity > 0);
        Assert.All(controller.Reports, r => Assert.False(r.Discarded));
        // The second window's state holds the first window's observation: the bins' shares sum to 1.
        Assert.Equal(1.0, controller.States[1].Sum(row => (double)row[1]), 5);
        Assert.True(outcome.TestError < 0.5, $"test error {outcome.TestError} (chance is 0.75)");
    }

    [Fact]
    public void Run_FaultInWindow_RollsTheTaskBackWithTheModel()
    {
        var controller = new RecordingController();
        var task = new DistanceBinTrainingTask(_data);
        using var trainer = Trainer(task);
        trainer.FaultInjection = w => w == 2;

        trainer.Run(controller, CancellationToken.None);

        Assert.True(controller.Reports[2].Discarded);
        // Window 3 starts from window 1's end: the weights window 2's actions moved are back.
        Assert.Equal(controller.States[2][0][0], controller.States[3][0][0]);
        Assert.Equal(controller.States[2][1][0], controller.States[3][1][0]);
    }

    [Fact]
    public void Run_ResumedFromCheckpoint_TaskStateComesBack()
    {
        var first = new DistanceBinTrainingTask(_data);
        using (var trainer = Trainer(first, _folder.Path))
        {
            trainer.AfterWindow = w => { if (w == 2) { throw new OperationCanceledException(); } };
            Assert.Throws<OperationCanceledException>(() => trainer.Run(new RecordingController(), CancellationToken.None));
        }

        var weights = first.Bins.Weights.ToArray();
        var resumed = new DistanceBinTrainingTask(_data);
        var controller = new RecordingController();
        using var again = Trainer(resumed, _folder.Path);
        again.Run(controller, CancellationToken.None);

        Assert.Equal(3, again.ResumedAt);
        Assert.Equal(weights, controller.States[0].Select(row => (double)row[0]));
    }
}
