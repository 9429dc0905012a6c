using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Children.Checkpoints;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>A damaged or foreign checkpoint is refused with a one-line message naming the file; the child never starts.</summary>
public sealed class CheckpointCorruptionTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();
    private readonly TempFolder _folder = new();

    public CheckpointCorruptionTests()
    {
        // Two windows, then stop: the folder holds the checkpoint w-000002.
        using var trainer = Trainer(ChildTrainerTests.Options());
        Stop.AfterWindow(trainer, new ScriptedController(), 1);
    }

    private string Checkpoint => Path.Combine(_folder.Path, "w-000002");

    public void Dispose()
    {
        _data.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("truncate", "model.bin", "truncated")]
    [InlineData("flip", "optimizer.bin", "SHA-256")]
    [InlineData("edit", "state.json", "SHA-256")]
    [InlineData("garbage", "checkpoint.json", "unreadable manifest")]
    [InlineData("delete", "state.json", "missing")]
    public void Run_DamagedCheckpointFile_CheckpointExceptionNamingTheFileAndNoWindowRun(string damage, string file, string expected)
    {
        var path = Path.Combine(Checkpoint, file);
        switch (damage)
        {
            case "truncate":
                using (var stream = File.Open(path, FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case "flip":
                var bytes = File.ReadAllBytes(path);
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(path, bytes);
                break;
            case "edit":
                File.WriteAllText(path, File.ReadAllText(path).Replace("\"nextWindow\": 2", "\"nextWindow\": 5", StringComparison.Ordinal));
                break;
            case "garbage":
                File.WriteAllText(path, "{ \"format\": 1, \"files\": [");
                break;
            default:
                File.Delete(path);
                break;
        }

        AssertRefused(ChildTrainerTests.Options(), file, expected);
    }

    [Fact]
    public void Run_CheckpointOfAnotherModel_CheckpointExceptionAndNoWindowRun() =>
        AssertRefused(ChildTrainerTests.Options() with { Model = ModelKind.Mlp }, "state.json", "written for model Cnn, this child has Mlp");

    [Fact]
    public void Run_CheckpointWithAnotherWindowLength_CheckpointException() =>
        AssertRefused(ChildTrainerTests.Options() with { Window = 3 }, "state.json", "window length 4, this child has 3");

    [Fact]
    public void Run_CheckpointWithAnotherLearningRate_CheckpointException() =>
        AssertRefused(ChildTrainerTests.Options() with { LearningRate = 1e-3 }, "state.json", "lr 0.003");

    [Fact]
    public void Run_ManifestOfAnotherFormat_CheckpointException()
    {
        var path = Path.Combine(Checkpoint, "checkpoint.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"format\": 1", "\"format\": 9", StringComparison.Ordinal));

        AssertRefused(ChildTrainerTests.Options(), "checkpoint.json", "format 9");
    }

    private void AssertRefused(ChildSettings options, string file, string expected)
    {
        var controller = new ScriptedController();
        using var trainer = Trainer(options);

        var ex = Assert.Throws<CheckpointException>(() => trainer.Run(controller, CancellationToken.None));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains(Path.Combine(Checkpoint, file), ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Empty(controller.Calls);
        Assert.Null(trainer.ResumedAt);
    }

    private ChildTrainer Trainer(ChildSettings options) =>
        new(new ChildSpec("exp/0", 0, 7, options), _data, _folder.Path);
}
