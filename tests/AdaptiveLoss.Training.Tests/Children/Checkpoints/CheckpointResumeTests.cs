using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Children.Checkpoints;
using AdaptiveLoss.Training.Data;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>
/// Stop-and-resume against an uninterrupted run (6 windows of the synthetic task; window 1 is discarded by a NaN, so
/// the data position is not a multiple of the window length): the resumed child must be bit-identical.
/// </summary>
public sealed class CheckpointResumeTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _data.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Run_StoppedAfter3WindowsThenResumed_BitIdenticalToAnUninterruptedRun()
    {
        var (expected, expectedOutcome, expectedWeights) = Uninterrupted();
        var first = new ScriptedController();
        using (var stopped = Trainer(_folder.Path))
        {
            Stop.AfterWindow(stopped, first, 2);
        }

        var second = new ScriptedController();
        using var resumed = Trainer(_folder.Path);
        var outcome = resumed.Run(second, CancellationToken.None);

        Assert.Equal(3, resumed.ResumedAt);
        Assert.Equal(new[] { 3, 4, 5 }, second.Reports.Select(r => r.Window));
        AssertSameReports(expected.Skip(3), second.Reports);
        Assert.Equal(expectedWeights, Weights(resumed));
        Assert.Equal(expectedOutcome.FinalPhi, outcome.FinalPhi);
        Assert.Equal(expectedOutcome.ValidationError, outcome.ValidationError);
        Assert.Equal(expectedOutcome.TestError, outcome.TestError);
        Assert.Equal(1, outcome.DiscardedWindows);
    }

    /// <summary>Across a stop and a resume the controller sees every window exactly once, in order.</summary>
    [Fact]
    public void Run_StopAndResume_EveryWindowReportedOnceAndNoDecisionRepeated()
    {
        var first = new ScriptedController();
        using (var stopped = Trainer(_folder.Path))
        {
            Stop.AfterWindow(stopped, first, 1);
        }

        var second = new ScriptedController();
        double testError;
        using (var resumed = Trainer(_folder.Path))
        {
            testError = resumed.Run(second, CancellationToken.None).TestError;
        }

        // A child whose checkpoint holds every window (it died before handing in its outcome) only evaluates again.
        var third = new ScriptedController();
        using (var finished = Trainer(_folder.Path))
        {
            Assert.Equal(testError, finished.Run(third, CancellationToken.None).TestError);
            Assert.Equal(6, finished.ResumedAt);
        }

        Assert.Empty(third.Calls);

        var windows = first.Reports.Concat(second.Reports).Select(r => r.Window).ToArray();
        Assert.Equal(Enumerable.Range(0, 6), windows);
        var expectedCalls = Enumerable.Range(0, 6).SelectMany(w => new[] { $"decide {w}", $"report {w}" });
        Assert.Equal(expectedCalls, first.Calls.Concat(second.Calls));
        // The folder holds only the last checkpoint (6 windows done).
        Assert.Equal(new[] { "w-000006" }, Directory.GetDirectories(_folder.Path).Select(Path.GetFileName));
    }

    /// <summary>A crash between two files of a checkpoint leaves the previous one, and the child resumes from it.</summary>
    [Fact]
    public void Run_CrashWhileWritingTheThirdCheckpoint_SecondKeptAndResumedIdentically()
    {
        var (expected, expectedOutcome, _) = Uninterrupted();
        using (var crashing = Trainer(_folder.Path))
        {
            var writes = 0;
            // Files per checkpoint: model, optimizer, state, manifest. The 3rd checkpoint dies after its optimizer file.
            crashing.CheckpointFileWritten = _ =>
            {
                if (++writes == 10)
                {
                    throw new IOException("simulated crash");
                }
            };
            Assert.Throws<IOException>(() => crashing.Run(new ScriptedController(), CancellationToken.None));
        }

        Assert.Contains(Directory.GetDirectories(_folder.Path), d => Path.GetFileName(d).StartsWith(".tmp-w-000003", StringComparison.Ordinal));
        var controller = new ScriptedController();
        using var resumed = Trainer(_folder.Path);
        var outcome = resumed.Run(controller, CancellationToken.None);

        Assert.Equal(2, resumed.ResumedAt);
        AssertSameReports(expected.Skip(2), controller.Reports);
        Assert.Equal(expectedOutcome.FinalPhi, outcome.FinalPhi);
        Assert.Equal(new[] { "w-000006" }, Directory.GetDirectories(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_WithoutCheckpointFolder_WritesNothingAndResumedAtIsNull()
    {
        using var trainer = Trainer(null);
        trainer.Run(new ScriptedController(), CancellationToken.None);

        Assert.Null(trainer.ResumedAt);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    internal static void AssertSameReports(IEnumerable<WindowReport> expected, IReadOnlyList<WindowReport> actual)
    {
        var list = expected.ToList();
        Assert.Equal(list.Count, actual.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var (e, a) = (list[i], actual[i]);
            Assert.Equal(e.Window, a.Window);
            Assert.Equal(e.Iteration, a.Iteration);
            Assert.Equal(e.Metrics, a.Metrics);
            Assert.Equal(e.WindowMetric, a.WindowMetric);
            Assert.Equal(e.Reward, a.Reward);
            Assert.Equal(e.TrainLoss, a.TrainLoss);
            Assert.Equal(e.ValidationError, a.ValidationError);
            Assert.Equal(e.Actions, a.Actions);
            Assert.Equal(e.States.SelectMany(r => r), a.States.SelectMany(r => r));
            Assert.Equal(e.Phi, a.Phi);
            Assert.Equal(e.Discarded, a.Discarded);
        }
    }

    private (List<WindowReport> Reports, ChildOutcome Outcome, float[] Weights) Uninterrupted()
    {
        var controller = new ScriptedController();
        using var trainer = Trainer(null);
        var outcome = trainer.Run(controller, CancellationToken.None);
        Assert.True(controller.Reports[1].Discarded);
        return (controller.Reports, outcome, Weights(trainer));
    }

    private ChildTrainer Trainer(string? folder)
    {
        var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data, folder);
        var batchesInWindow1 = 0;
        // The third batch of window 1 goes NaN: the window is discarded after drawing 3 of its 4 batches.
        trainer.FaultInjection = w => w == 1 && ++batchesInWindow1 == 3;
        return trainer;
    }

    private static float[] Weights(ChildTrainer trainer) =>
        trainer.Model.state_dict().Values.SelectMany(t => t.to_type(torch.ScalarType.Float32).data<float>().ToArray()).ToArray();
}
