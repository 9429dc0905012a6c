using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Children.Checkpoints;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>
/// Sibling rounds (docs/credit.md): each window runs as branches of one state on the same batches, and the child goes on
/// from the best; real TorchSharp training on the synthetic task.
/// </summary>
public sealed class SiblingTrainerTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();

    public void Dispose() => _data.Dispose();

    private ChildTrainer Trainer(int siblings, bool antithetic = false, string? checkpoints = null) =>
        new(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options() with { Siblings = siblings, Antithetic = antithetic }), _data, checkpoints);

    [Fact]
    public void Siblings_SameActions_SameRewardsBitForBit()
    {
        // Every sibling takes the same actions: with common random numbers and an exact restore, nothing else differs.
        var controller = new SiblingController((_, window, pair) => ((window * 7) + (pair * 5) + 1) % ActionSet.Count);
        using var trainer = Trainer(siblings: 3);

        trainer.Run(controller, CancellationToken.None);

        Assert.Equal(trainer.Windows, controller.Rounds.Count);
        foreach (var (reports, chosen) in controller.Rounds)
        {
            Assert.Equal(["exp/0~0", "exp/0~1", "exp/0~2"], reports.Select(r => r.ChildId));
            Assert.All(reports, r => Assert.Equal("exp/0", r.Lineage));
            Assert.All(reports, r => Assert.Equal(reports[0].Reward, r.Reward));
            Assert.All(reports, r => Assert.Equal(reports[0].Metrics, r.Metrics));
            Assert.All(reports, r => Assert.Equal(reports[0].TrainLoss, r.TrainLoss));
            Assert.Equal(0, chosen);   // a tie goes to the lowest index
        }
    }

    [Fact]
    public void Siblings_TheChosenSiblingsPath_IsTheRunOfOneChildTakingItsActions()
    {
        // Sibling 0 follows a script, sibling 1 raises every entry: the two differ, and the child follows the better one.
        var siblings = new SiblingController((sibling, window, pair) =>
            sibling == 0 ? ((window * 7) + (pair * 5) + 1) % ActionSet.Count : ActionSet.Increase);
        ChildOutcome branched;
        using (var trainer = Trainer(siblings: 2))
        {
            branched = trainer.Run(siblings, CancellationToken.None);
        }

        var path = siblings.Rounds.Select(r => r.Reports[r.Chosen]).ToList();
        Assert.Contains(siblings.Rounds, r => r.Chosen == 1);
        Assert.Contains(siblings.Rounds, r => r.Reports[0].Reward != r.Reports[1].Reward);
        foreach (var (reports, chosen) in siblings.Rounds)
        {
            Assert.Equal(Siblings.Choose(reports, Core.Rewards.MetricDirection.LowerIsBetter), chosen);
        }

        // One child given, window by window, the chosen sibling's actions trains exactly the chosen path.
        var single = new ReplayController(path.Select(r => r.Actions).ToList());
        using var alone = new ChildTrainer(new ChildSpec("exp/0", 0, 7, ChildTrainerTests.Options()), _data);
        var outcome = alone.Run(single, CancellationToken.None);

        CheckpointResumeTests.AssertSameReports(path, single.Reports);
        Assert.Equal(outcome.FinalPhi, branched.FinalPhi);
        Assert.Equal(outcome.ValidationError, branched.ValidationError);
        Assert.Equal(outcome.TestError, branched.TestError);
        Assert.Equal(outcome.BestValidation!.Window, branched.BestValidation!.Window);
        Assert.Equal(outcome.BestValidation.Test.Error, branched.BestValidation.Test.Error);
    }

    [Fact]
    public void Antithetic_OddSiblingsMirrorTheirPartnerWithoutDeciding()
    {
        var controller = new SiblingController((_, window, pair) => (window + pair) % ActionSet.Count);
        using var trainer = Trainer(siblings: 4, antithetic: true);

        trainer.Run(controller, CancellationToken.None);

        Assert.All(controller.Decided, id => Assert.True(id.EndsWith("~0", StringComparison.Ordinal) || id.EndsWith("~2", StringComparison.Ordinal), id));
        Assert.Equal(2 * trainer.Windows, controller.Decided.Count);
        foreach (var (reports, _) in controller.Rounds)
        {
            Assert.Equal(Siblings.Mirror(reports[0].Actions), reports[1].Actions);
            Assert.Equal(Siblings.Mirror(reports[2].Actions), reports[3].Actions);
            Assert.Equal(reports[0].PolicyVersion, reports[1].PolicyVersion);
        }
    }

    [Fact]
    public void Siblings_EveryBranchDiscarded_TheChildRollsBackAndGoesOn()
    {
        var controller = new SiblingController((_, _, _) => ActionSet.Keep);
        using var trainer = Trainer(siblings: 2);
        trainer.FaultInjection = w => w == 2;

        var outcome = trainer.Run(controller, CancellationToken.None);

        var (reports, chosen) = controller.Rounds[2];
        Assert.Equal(-1, chosen);
        Assert.All(reports, r => Assert.True(r.Discarded));
        Assert.Equal(1, outcome.DiscardedWindows);
        Assert.Equal(trainer.Windows, controller.Rounds.Count);
        Assert.All(controller.Rounds.Where((_, w) => w != 2), r => Assert.Equal(0, r.Chosen));
    }

    [Fact]
    public void Siblings_StoppedAndResumed_BitIdenticalToAnUninterruptedRun()
    {
        // Window 1 loses every sibling to a NaN, so the data position after it is set by the sibling path, not by a
        // window that ran to its end; the checkpoint must carry it.
        static int Action(int sibling, int window, int pair) => sibling == 0 ? (window + pair) % ActionSet.Count : ActionSet.Increase;
        var uninterrupted = new SiblingController(Action);
        ChildOutcome expected;
        using (var trainer = Trainer(siblings: 2))
        {
            trainer.FaultInjection = w => w == 1;
            expected = trainer.Run(uninterrupted, CancellationToken.None);
        }

        using var folder = new TempFolder();
        var first = new SiblingController(Action);
        using (var stopped = Trainer(siblings: 2, checkpoints: folder.Path))
        {
            stopped.FaultInjection = w => w == 1;
            Stop.AfterWindow(stopped, first, 2);
        }

        var second = new SiblingController(Action);
        using var resumed = Trainer(siblings: 2, checkpoints: folder.Path);
        var outcome = resumed.Run(second, CancellationToken.None);

        var expectedPath = uninterrupted.Rounds.Skip(3).ToList();
        Assert.Equal(expectedPath.Select(r => r.Chosen), second.Rounds.Select(r => r.Chosen));
        CheckpointResumeTests.AssertSameReports(expectedPath.SelectMany(r => r.Reports), [.. second.Rounds.SelectMany(r => r.Reports)]);
        Assert.Equal(expected.FinalPhi, outcome.FinalPhi);
        Assert.Equal(expected.TestError, outcome.TestError);
        Assert.Equal(expected.DiscardedWindows, outcome.DiscardedWindows);
    }

    [Fact]
    public void SiblingCosts_BranchingIsMeasuredAsPartOfTheWindows_AndReachesTheOutcome()
    {
        var controller = new SiblingController((_, _, _) => ActionSet.Increase);
        using var trainer = Trainer(siblings: 2);

        var outcome = trainer.Run(controller, CancellationToken.None);

        var (branching, windows) = trainer.SiblingCosts;
        Assert.True(branching > 0, $"branching {branching} s");
        Assert.True(branching < windows, $"branching {branching} s of {windows} s");
        Assert.Equal(trainer.SiblingCosts, outcome.SiblingCosts);
    }

    /// <summary>Actions from (sibling index, window, group); records who decided and every sibling round.</summary>
    private sealed class SiblingController(Func<int, int, int, int> action) : IChildController
    {
        public List<string> Decided { get; } = [];

        public List<(WindowReport[] Reports, int Chosen)> Rounds { get; } = [];

        public PolicyDecision Decide(string childId, int window, float[][] states)
        {
            Decided.Add(childId);
            var sibling = int.Parse(childId[(childId.LastIndexOf('~') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return new PolicyDecision([.. states.Select((_, g) => action(sibling, window, g))], window, Math.Log(3));
        }

        public void Report(WindowReport report) => throw new InvalidOperationException("a sibling window reports its siblings together");

        public void ReportSiblings(IReadOnlyList<WindowReport> siblings, int chosen) => Rounds.Add(([.. siblings], chosen));
    }

    /// <summary>Window w's actions are the w-th of a list; records the reports.</summary>
    private sealed class ReplayController(IReadOnlyList<int[]> actions) : IChildController
    {
        public List<WindowReport> Reports { get; } = [];

        public PolicyDecision Decide(string childId, int window, float[][] states) => new(actions[window], window, Math.Log(3));

        public void Report(WindowReport report) => Reports.Add(report);
    }
}
