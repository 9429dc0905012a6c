using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Workers;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>TrainingOptions.CheckpointRoot: each real TorchSharp child checkpoints under &lt;root&gt;/&lt;experimentId&gt;/&lt;index&gt;.</summary>
public sealed class CheckpointWiringTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ala-grains-checkpoints", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void CheckpointFolder_ChildKey_RootThenExperimentThenIndex() =>
        Assert.Equal(Path.Combine("/state/checkpoints", "exp-1", "3"), TorchChildRunner.CheckpointFolder("/state/checkpoints", "exp-1/3"));

    [Fact]
    public void CheckpointFolder_NoRoot_Null() => Assert.Null(TorchChildRunner.CheckpointFolder(null, "exp-1/3"));

    [Theory]
    [InlineData("../0")]
    [InlineData("exp//0")]
    [InlineData("exp/./0")]
    public void CheckpointFolder_KeyLeavingTheRoot_ArgumentException(string childId) =>
        Assert.Throws<ArgumentException>(() => TorchChildRunner.CheckpointFolder("/state", childId));

    [Fact]
    public async Task Experiment_WithCheckpointRoot_CompletedChildrenDeleteTheirCheckpoints()
    {
        await using var cluster = await ClusterFactory.DeployAsync(training: o => o.CheckpointRoot = _root);
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);
        // 300 training images / 32 = 10 iterations per epoch; 1 epoch in windows of 4: 3 windows.
        await experiment.StartAsync(new ExperimentOptions
        {
            Task = TaskKind.Idx, DataDirectory = TinyIdxData.Folder, Model = ModelKind.Mlp, Children = 2, Epochs = 1,
            BatchSize = 32, Window = 4, ValidationSize = 100,
        });

        var status = await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(60));

        // A completed child is never resumed: its checkpoint goes once its end is stored (the folder of the
        // experiment stays; checkpoints taken mid-run are shown by the resume tests).
        Assert.Equal(ExperimentState.Completed, status.State);
        Assert.All(status.Children, c => Assert.Equal(3, c.Windows.Count));
        // The training thread deletes it right after its end is stored, so it may still be going when the status says so.
        await Eventually.WaitAsync(() => Task.FromResult(Directory.Exists(Path.Combine(_root, id, "0")) || Directory.Exists(Path.Combine(_root, id, "1"))),
            exists => !exists, TimeSpan.FromSeconds(10), "checkpoints deleted");
    }
}
