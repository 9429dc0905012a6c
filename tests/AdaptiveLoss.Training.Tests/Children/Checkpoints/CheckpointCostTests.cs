using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Children.Checkpoints;
using AdaptiveLoss.Training.Data;
using TorchSharp;
using Xunit.Abstractions;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>
/// Size and write time of a checkpoint of the default children (Fashion-MNIST shapes: 1×28×28, 10 classes, full
/// history): 20 writes each, the median printed (run with <c>--logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class CheckpointCostTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(ModelKind.Cnn)]
    [InlineData(ModelKind.Mlp)]
    public void WriteCheckpoint_DefaultChild_SizeAndMedianTime(ModelKind model)
    {
        using var data = Fashion(64);
        var options = new ChildSettings { Model = model, BatchSize = 16, Window = 2, Epochs = 1 };
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 1, options), data, _folder.Path);
        var parameters = trainer.Model.parameters().Sum(p => p.numel());
        var times = new List<double>();
        for (var i = 1; i <= 20; i++)
        {
            trainer.WriteCheckpoint(i, new ChildTrainer.RunState(0.5, 0.5), 0);
            times.Add(trainer.LastCheckpoint.Elapsed.TotalMilliseconds);
        }

        var read = System.Diagnostics.Stopwatch.StartNew();
        ChildCheckpoint.Read(Path.Combine(_folder.Path, "w-000020"));
        var bytes = trainer.LastCheckpoint.Bytes;
        times.Sort();
        output.WriteLine($"{model}: {parameters} parameters, checkpoint {bytes} bytes, write median {times[10]:F1} ms " +
            $"(min {times[0]:F1}, max {times[^1]:F1}), verify+read {read.Elapsed.TotalMilliseconds:F1} ms");
        // Weights and Adam's two moments, 4 bytes each, plus the small files.
        Assert.InRange(bytes, 12 * parameters, (12 * parameters) + 200_000);
        Assert.Single(Directory.GetDirectories(_folder.Path));
    }

    private static TaskData Fashion(int count)
    {
        var images = torch.rand(count, 1, 28, 28);
        var labels = torch.arange(count).remainder(10);
        return new TaskData("generated", 10, images, labels, images.clone(), labels.clone(), images.clone(), labels.clone());
    }
}
