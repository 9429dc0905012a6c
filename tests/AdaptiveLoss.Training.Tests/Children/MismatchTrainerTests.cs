using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Children.Checkpoints;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>
/// What a child records for the mismatch tasks (docs/mismatch.md): the best-validation window and its test metrics,
/// every test metric, and the class offsets δ that reach the loss, survive a rollback and a stop-and-resume.
/// </summary>
public sealed class MismatchTrainerTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _data.Dispose();
        _folder.Dispose();
    }

    private static ChildSettings Offsets() => ChildTrainerTests.Options() with { ClassOffsets = true, OffsetBeta = 0.25 };

    [Fact]
    public void Run_BestValidation_IsTheWindowEndWithTheLowestValidationMetric()
    {
        var controller = new ScriptedController();
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data);

        var outcome = trainer.Run(controller, CancellationToken.None);

        // The window-end metric is the last of a window's S measurements; ties keep the earlier window.
        var ends = controller.Reports.Where(r => !r.Discarded).Select(r => (r.Window, Metric: r.Metrics[^1])).ToList();
        var best = ends.First(e => e.Metric == ends.Min(x => x.Metric));
        Assert.Equal(best.Window, outcome.BestValidation!.Window);
        Assert.Equal(best.Metric, outcome.BestValidation.ValidationMetric);
        Assert.InRange(outcome.BestValidation.Test.Error, 0, 1);
        Assert.Equal(outcome.TestError, outcome.Test!.Error);
        Assert.Equal(outcome.TestMetric, outcome.Test.Get(MetricKind.Error));
        Assert.Equal(SyntheticTask.Classes, outcome.Test.ClassErrors.Length);
        Assert.Equal(outcome.Test.ClassErrors.Average(), outcome.Test.BalancedError, 12);
        Assert.NotNull(outcome.TestPostHoc);
        Assert.Null(outcome.ClassOffsets);
    }

    [Fact]
    public void Run_ClassOffsets_ReachTheLossButNeverThePredictions()
    {
        var plain = new ScriptedController();
        var withOffsets = new ScriptedController();
        using (var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data))
        {
            trainer.Run(plain, CancellationToken.None);
        }

        using var offsetTrainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Offsets()), _data);
        var outcome = offsetTrainer.Run(withOffsets, CancellationToken.None);

        // 6 pairs then 4 classes: the scripted actions move δ, and the first window already trains on z + δ.
        Assert.Equal(10, withOffsets.Reports[0].States.Length);
        Assert.NotEqual(plain.Reports[0].TrainLoss, withOffsets.Reports[0].TrainLoss);
        // The state of window 1 carries δ after window 0's actions ((7w + 5g + 1) mod 3 − 1 steps of 0.25 for group g).
        Assert.Equal([0f, -0.25f, 0.25f, 0f], withOffsets.Reports[1].States[6..].Select(row => row[22]));
        // The scripted actions cycle every 3 windows, so 6 windows bring δ back to 0.
        Assert.Equal([0.0, 0.0, 0.0, 0.0], outcome.ClassOffsets!);
    }

    [Fact]
    public void Run_ClassOffsetsStoppedAndResumed_BitIdenticalToAnUninterruptedRun()
    {
        ChildOutcome expected;
        using (var uninterrupted = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Offsets()), _data))
        {
            expected = uninterrupted.Run(new ScriptedController(), CancellationToken.None);
        }

        using (var stopped = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Offsets()), _data, _folder.Path))
        {
            Stop.AfterWindow(stopped, new ScriptedController(), 2);
        }

        using var resumed = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Offsets()), _data, _folder.Path);
        var outcome = resumed.Run(new ScriptedController(), CancellationToken.None);

        Assert.Equal(3, resumed.ResumedAt);
        Assert.Equal(expected.ClassOffsets, outcome.ClassOffsets);
        Assert.Equal(expected.FinalPhi, outcome.FinalPhi);
        Assert.Equal(expected.BestValidation, outcome.BestValidation);
        Assert.Equal(expected.Test, outcome.Test);
        Assert.Equal(expected.TestPostHoc, outcome.TestPostHoc);
    }
}
