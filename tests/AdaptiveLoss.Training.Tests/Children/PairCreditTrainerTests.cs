using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Children.Checkpoints;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>
/// A child under pair credit (docs/credit.md) reports one difference reward per class pair; the pairs' shares are a
/// decomposition of the error, so their rewards add up to the drop of the window-end validation error.
/// </summary>
public sealed class PairCreditTrainerTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _data.Dispose();
        _folder.Dispose();
    }

    private static ChildSettings Pair() => ChildTrainerTests.Options() with { Credit = CreditKind.Pair };

    [Fact]
    public void Run_PairCredit_GroupRewardsSumToTheDropOfTheWindowEndError()
    {
        var controller = new ScriptedController();
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Pair()), _data);

        trainer.Run(controller, CancellationToken.None);

        var kept = controller.Reports.Where(r => !r.Discarded).ToList();
        Assert.True(kept.Count >= 4, $"{kept.Count} windows kept");
        Assert.All(kept, r => Assert.Equal(ClassPairs.Count(SyntheticTask.Classes), r.GroupRewards!.Length));
        foreach (var (before, after) in kept.Zip(kept.Skip(1)))
        {
            Assert.Equal(100 * (before.ValidationError - after.ValidationError), after.GroupRewards!.Sum(), 9);
        }

        Assert.Contains(kept, r => r.GroupRewards!.Any(g => g != 0));
    }

    [Fact]
    public void Run_GlobalCredit_ReportsNoGroupRewards()
    {
        var controller = new ScriptedController();
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data);

        trainer.Run(controller, CancellationToken.None);

        Assert.All(controller.Reports, r => Assert.Null(r.GroupRewards));
    }

    [Fact]
    public void Run_PairCreditStoppedAndResumed_SameGroupRewardsAsAnUninterruptedRun()
    {
        var expected = new ScriptedController();
        using (var uninterrupted = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Pair()), _data))
        {
            uninterrupted.Run(expected, CancellationToken.None);
        }

        var first = new ScriptedController();
        using (var stopped = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Pair()), _data, _folder.Path))
        {
            Stop.AfterWindow(stopped, first, 2);
        }

        var second = new ScriptedController();
        using var resumed = new ChildTrainer(new ChildSpec("exp/0", 0, 7, Pair()), _data, _folder.Path);
        resumed.Run(second, CancellationToken.None);

        // The window after the resume is credited against the shares the checkpoint kept.
        Assert.Equal(3, resumed.ResumedAt);
        Assert.Equal(expected.Reports.Select(r => r.GroupRewards), first.Reports.Take(3).Concat(second.Reports).Select(r => r.GroupRewards));
    }
}
