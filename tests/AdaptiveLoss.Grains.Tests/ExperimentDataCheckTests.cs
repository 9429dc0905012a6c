using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// The experiment grain checks the data on its own silo before anything starts (docs/cluster.md: the client's data
/// folder is not the silo's), refusing with the setting at fault as option errors are refused.
/// </summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class ExperimentDataCheckTests(ScriptedClusterFixture fixture)
{
    [Fact]
    public async Task StartAsync_SiloFindsTheDataBroken_RefusedNamingDataDirectoryAndNothingStarts()
    {
        var folder = $"/silo-data-{Guid.NewGuid():N}";
        fixture.Runner.RefuseData(folder, $"{folder}/train-images-idx3-ubyte: bad magic number 1 (an IDX images file starts with 2051)");
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>($"data-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() =>
            experiment.StartAsync(new ExperimentOptions { Task = TaskKind.Idx, DataDirectory = folder, Children = 2 }));

        Assert.Equal(nameof(ExperimentOptions.DataDirectory), error.Error?.Setting);
        Assert.Equal($"DataDirectory: {folder}/train-images-idx3-ubyte: bad magic number 1 (an IDX images file starts with 2051)", error.Message);
        var status = await experiment.GetStatusAsync();
        Assert.Equal(ExperimentState.Idle, status.State);
        Assert.Empty(status.Children);
    }

    [Fact]
    public void TorchChildRunner_CheckData_IsThePreflight()
    {
        var folder = Directory.CreateTempSubdirectory("ala-runner-data-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte"), [0, 0, 8, 3, 0]);
            File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, 0]);
            var runner = new TorchChildRunner(Options.Create(new TrainingOptions()));

            var problem = runner.CheckData(new ExperimentOptions { Task = TaskKind.Idx, DataDirectory = folder }.ChildSettings()).Problem;

            Assert.Equal($"{folder}/train-images-idx3-ubyte: truncated file: 5 bytes, shorter than the 16-byte header", problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
