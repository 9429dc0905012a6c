using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Data;

namespace AdaptiveLoss.Training.Tests.Children;

public sealed class ChildRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Execute_GeneratedIdxFolder_TrainsEveryWindowAndTestsOnce()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 80, test: 20);
        var options = new ChildSettings
        {
            Task = TaskKind.Idx,
            DataDirectory = _folder.Path,
            ValidationSize = 20,
            Epochs = 2,
            BatchSize = 16,
            Window = 3,
            WarmupEpochs = 1,
        };
        var controller = new RecordingController();

        var outcome = ChildRun.Execute(new ChildSpec("exp/1", 1, 2, options), controller, CancellationToken.None);

        // 60 training images / 16 = 4 iterations per epoch, 8 in all: windows of 3, 3, 2.
        Assert.Equal(3, outcome.Windows);
        Assert.Equal(new long[] { 3, 6, 8 }, controller.Reports.Select(r => r.Iteration));
        Assert.Equal(10, outcome.Classes);
        Assert.InRange(outcome.TestError, 0, 1);
        // Window 0 starts in the warm-up epoch: its actions were asked for but not applied.
        Assert.Equal(0, controller.Reports[0].Phi.NormFromIdentity);
        Assert.True(controller.Reports[2].Phi.NormFromIdentity > 0);
    }

    [Fact]
    public void Execute_MissingDataFolder_DataFormatException()
    {
        var options = new ChildSettings { Task = TaskKind.Idx, DataDirectory = Path.Combine(_folder.Path, "none") };

        Assert.Throws<DataFormatException>(() => ChildRun.Execute(new ChildSpec("e/0", 0, 1, options), new RecordingController(), CancellationToken.None));
    }
}
