using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The bare loop's controller keeps the coordinator's round semantics (docs/design.md §1.6), so both modes do the same policy work.</summary>
public sealed class LocalControllerTests
{
    private static readonly ExperimentOptions Options = new() { Children = 2 };
    private readonly SyntheticChildren _children = new(Options, seed: 7);

    [Fact]
    public void Report_EveryLiveChildReported_ClosesOneRoundWithOneUpdate()
    {
        var controller = new LocalController(Options, _children.FeatureCount, ["e/0", "e/1"]);

        Report(controller, "e/0", 0);
        Assert.Equal(0, controller.Updates);
        Report(controller, "e/1", 0);
        Assert.Equal(1, controller.Updates);
        Report(controller, "e/1", 1);
        Assert.Equal(1, controller.Updates);
        // The other child ends: the pending window of the remaining one is a round on its own.
        controller.Leave("e/0");
        Assert.Equal(2, controller.Updates);
        Assert.Equal(2, controller.Rounds);
    }

    [Fact]
    public void Report_FrozenPolicy_CountsRoundsWithoutUpdates()
    {
        var controller = new LocalController(Options with { FreezePolicy = true }, _children.FeatureCount, ["e/0", "e/1"]);

        Report(controller, "e/0", 0);
        Report(controller, "e/1", 0);

        Assert.Equal(0, controller.Updates);
        Assert.Equal(1, controller.Rounds);
    }

    [Fact]
    public void Report_CountedWindows_KeepTheChildrensImagesPerSecond()
    {
        var controller = new LocalController(Options, _children.FeatureCount, ["e/0", "e/1"]);

        Report(controller, "e/0", 0);
        Report(controller, "e/0", 1);

        Assert.Equal([4000.0, 4000.0], controller.WindowImagesPerSecond()["e/0"]);
        Assert.Empty(controller.WindowImagesPerSecond()["e/1"]);
    }

    private void Report(LocalController controller, string childId, int window)
    {
        var states = _children.State(window);
        var decision = controller.Decide(childId, window, states);
        Assert.Equal(SyntheticChildren.Groups, decision.Actions.Length);
        controller.Report(_children.Report(childId, window, states, decision.Actions, decision.PolicyVersion));
    }
}
