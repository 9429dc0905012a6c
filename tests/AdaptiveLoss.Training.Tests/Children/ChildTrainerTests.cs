using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Children;

public sealed class ChildTrainerTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();

    public void Dispose() => _data.Dispose();

    /// <summary>256 images, batch 32, 3 epochs: 24 iterations in 6 windows of 4, 2 validation measurements each.</summary>
    internal static ChildSettings Options(LossMode loss = LossMode.Ala) => new()
    {
        Model = ModelKind.Cnn,
        Epochs = 3,
        BatchSize = 32,
        Window = 4,
        EvaluationsPerWindow = 2,
        LearningRate = 3e-3,
        Beta = 0.05,
        Loss = loss,
        CollapseFactor = 100,
    };

    private static ChildSpec Spec(ChildSettings options, int seed = 7) => new("exp/0", 0, seed, options);

    [Fact]
    public void Run_LearnableData_TrainingLossFallsAndTestErrorBeatsChance()
    {
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(Spec(Options()), _data);

        var outcome = trainer.Run(controller, CancellationToken.None);

        var losses = controller.Reports.Select(r => r.TrainLoss).ToArray();
        Assert.True(losses[^1] < 0.6 * losses[0], $"train loss per window: {string.Join(", ", losses)}");
        Assert.True(outcome.TestError < 0.5, $"test error {outcome.TestError} (chance is 0.75)");
        Assert.Equal(outcome.ValidationError, outcome.ValidationMetric);
        // Random actions moved Φ off the identity (ALA mode).
        Assert.True(outcome.Phi.NormFromIdentity > 0);
        Assert.Equal(SyntheticTask.Classes * SyntheticTask.Classes, outcome.FinalPhi.Length);
    }

    [Fact]
    public void Run_EveryWindow_OneDecideThenOneReportEchoingThePolicyVersion()
    {
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(Spec(Options()), _data);

        var outcome = trainer.Run(controller, CancellationToken.None);

        Assert.Equal(6, trainer.Windows);
        Assert.Equal(6, outcome.Windows);
        var expected = Enumerable.Range(0, 6).SelectMany(w => new[] { $"decide exp/0 {w}", $"report exp/0 {w}" });
        Assert.Equal(expected, controller.Calls);
        for (var w = 0; w < 6; w++)
        {
            var report = controller.Reports[w];
            Assert.Equal(RecordingController.VersionFor(w), report.PolicyVersion);
            Assert.Same(controller.States[w], report.States);
            Assert.Equal(6, report.Actions.Length);
            Assert.Equal((w + 1) * 4, report.Iteration);
            Assert.Equal(24, report.TotalIterations);
            Assert.Equal(w * 4 / 8, report.Epoch);
            Assert.Equal(2, report.Metrics.Length);
            Assert.False(report.Discarded);
            Assert.True(report.ImagesPerSecond > 0);
        }
    }

    [Fact]
    public void Run_AcrossWindows_LiveTensorCountDoesNotGrow()
    {
        var live = new List<long>();
        using var trainer = new ChildTrainer(Spec(Options() with { Epochs = 4 }), _data);
        trainer.AfterWindow = _ => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        trainer.Run(new RecordingController(), CancellationToken.None);

        Assert.Equal(8, live.Count);
        Assert.Equal(live[1], live[^1]);
    }

    [Fact]
    public void Run_NaNLossInWindow1_WindowDiscardedModelAndPhiRolledBack()
    {
        var controller = new RecordingController();
        var checksums = new List<double>();
        var phis = new List<double[]>();
        using var trainer = new ChildTrainer(Spec(Options()), _data);
        var batchesInWindow1 = 0;
        // The third batch of window 1 goes NaN: two optimizer steps have already changed the weights by then.
        trainer.FaultInjection = w => w == 1 && ++batchesInWindow1 == 3;
        trainer.AfterWindow = _ =>
        {
            checksums.Add(trainer.Model.parameters().Sum(p => p.abs().sum().item<float>()));
            phis.Add(trainer.CurrentPhi);
        };

        var outcome = trainer.Run(controller, CancellationToken.None);

        var discarded = controller.Reports[1];
        Assert.True(discarded.Discarded);
        Assert.Contains("non-finite training loss", discarded.DiscardReason);
        Assert.Equal(0, discarded.Reward);
        Assert.All(controller.Reports.Where(r => r.Window != 1), r => Assert.False(r.Discarded));
        Assert.Equal(checksums[0], checksums[1]);
        Assert.Equal(phis[0], phis[1]);
        Assert.NotEqual(checksums[1], checksums[2]);
        Assert.Equal(1, outcome.DiscardedWindows);
        Assert.Equal(6, controller.Reports.Count);
    }

    /// <summary>A libtorch error mid-window is a guard: rolled back, discarded, and the run goes on (docs/design.md §1.7).</summary>
    [Fact]
    public void Run_NativeErrorInWindow2_WindowDiscardedRunCompletes()
    {
        var controller = new RecordingController();
        var checksums = new List<double>();
        using var trainer = new ChildTrainer(Spec(Options()), _data);
        var batchesInWindow2 = 0;
        trainer.NativeFaultInjection = w => w == 2 && ++batchesInWindow2 == 2;
        trainer.AfterWindow = _ => checksums.Add(trainer.Model.parameters().Sum(p => p.abs().sum().item<float>()));

        var outcome = trainer.Run(controller, CancellationToken.None);

        Assert.Contains("libtorch error", controller.Reports[2].DiscardReason);
        Assert.Equal(checksums[1], checksums[2]);
        Assert.Equal(1, outcome.DiscardedWindows);
        Assert.Equal(6, controller.Reports.Count);
    }

    /// <summary>A native error that comes back in every window fails the child after the limit.</summary>
    [Fact]
    public void Run_NativeErrorEveryWindow_ThrowsAfterTheLimit()
    {
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(Spec(Options()), _data);
        trainer.NativeFaultInjection = _ => true;

        Assert.Throws<System.Runtime.InteropServices.ExternalException>(() => trainer.Run(controller, CancellationToken.None));
        Assert.Equal(ChildTrainer.MaxConsecutiveNativeFaults, controller.Reports.Count);
        Assert.All(controller.Reports, r => Assert.True(r.Discarded));
    }

    [Fact]
    public void Run_LogitsAboveMaxLogit_EveryWindowDiscardedWeightsUntouched()
    {
        var controller = new RecordingController();
        var checksums = new List<double>();
        using var trainer = new ChildTrainer(Spec(Options() with { MaxLogit = 1e-6 }), _data);
        var initial = trainer.Model.parameters().Sum(p => p.abs().sum().item<float>());
        trainer.AfterWindow = _ => checksums.Add(trainer.Model.parameters().Sum(p => p.abs().sum().item<float>()));

        var outcome = trainer.Run(controller, CancellationToken.None);

        Assert.All(controller.Reports, r => Assert.Contains("max |logit|", r.DiscardReason));
        Assert.All(checksums, c => Assert.Equal(initial, c));
        Assert.Equal(6, outcome.DiscardedWindows);
    }

    [Fact]
    public void Run_CancelledDuringABatch_StopsBeforeTheNextBatch()
    {
        using var cancellation = new CancellationTokenSource();
        using var trainer = new ChildTrainer(Spec(Options()), _data);
        var batches = 0;
        trainer.FaultInjection = _ =>
        {
            if (++batches == 6)
            {
                cancellation.Cancel();
            }

            return false;
        };

        Assert.Throws<OperationCanceledException>(() => trainer.Run(new RecordingController(), cancellation.Token));
        Assert.Equal(6, batches);
    }

    [Fact]
    public void Run_SameSeed_SameRun_OtherSeed_OtherRun()
    {
        double[] Losses(int seed)
        {
            var controller = new RecordingController();
            using var trainer = new ChildTrainer(Spec(Options() with { Epochs = 1 }, seed), _data);
            trainer.Run(controller, CancellationToken.None);
            return controller.Reports.Select(r => r.TrainLoss).ToArray();
        }

        Assert.Equal(Losses(3), Losses(3));
        Assert.NotEqual(Losses(3), Losses(4));
    }

    [Theory]
    [InlineData(LossMode.Fixed)]
    [InlineData(LossMode.Ce)]
    public void Run_Baselines_DecideAndReportButPhiStaysIdentity(LossMode loss)
    {
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(Spec(Options(loss)), _data);

        var outcome = trainer.Run(controller, CancellationToken.None);

        Assert.Equal(6, controller.Reports.Count);
        Assert.Equal(0, outcome.Phi.NormFromIdentity);
        Assert.All(controller.Reports, r => Assert.Equal(0, r.Phi.NormFromIdentity));
    }
}
