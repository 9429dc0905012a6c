using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>The coordinator driven directly with synthetic transitions (docs/design.md §1.6 rounds, §1.4 updates).</summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class CoordinatorGrainTests(ScriptedClusterFixture fixture)
{
    private static readonly ExperimentOptions Options = new() { Children = 2 };

    [Fact]
    public async Task ReportAsync_EveryLiveChildReported_ClosesOneRoundWithOneUpdate()
    {
        var (coordinator, a, b) = await JoinTwoAsync(Options);

        await coordinator.ReportAsync(Reports.Window(a, 0, reward: 1.0));
        var afterOne = await coordinator.GetSummaryAsync();
        await coordinator.ReportAsync(Reports.Window(b, 0, reward: -1.0));
        var afterBoth = await coordinator.GetSummaryAsync();

        Assert.Equal((0, 0L, 0L), (afterOne.Rounds, afterOne.Version, afterOne.Transitions));
        Assert.Equal((1, 1L, 1L, 2L), (afterBoth.Rounds, afterBoth.Version, afterBoth.Updates, afterBoth.Transitions));
        Assert.Equal([(1, a, 0, 1.0), (1, b, 0, -1.0)], afterBoth.Rewards.Select(r => (r.Round, r.ChildId, r.Window, r.Reward)).OrderBy(r => r.ChildId));
    }

    [Fact]
    public async Task ReportAsync_SameWindowTwice_CountedOnce()
    {
        var (coordinator, a, b) = await JoinTwoAsync(Options);

        await coordinator.ReportAsync(Reports.Window(a, 0, 0.5));
        await coordinator.ReportAsync(Reports.Window(a, 0, 0.5));
        await coordinator.ReportAsync(Reports.Window(b, 0, 0.5));
        var summary = await coordinator.GetSummaryAsync();

        Assert.Equal((1, 2L), (summary.Rounds, summary.Transitions));
    }

    [Fact]
    public async Task ReportAsync_DiscardedWindow_FillsSlotWithoutReachingPolicy()
    {
        var (coordinator, a, b) = await JoinTwoAsync(Options);

        await coordinator.ReportAsync(Reports.Window(a, 0, 0.5));
        await coordinator.ReportAsync(Reports.Window(b, 0, 99.0, discarded: true));
        var summary = await coordinator.GetSummaryAsync();

        Assert.Equal((1, 1L, 1), (summary.Rounds, summary.Transitions, summary.DiscardedTransitions));
        Assert.DoesNotContain(summary.Rewards, r => r.ChildId == b);
    }

    /// <summary>A round of skips only must still be taken, so the next windows' transitions close their own round at once.</summary>
    [Fact]
    public async Task ReportAsync_EveryChildDiscarded_NextWindowsCloseTheirRound()
    {
        var (coordinator, a, b) = await JoinTwoAsync(Options);

        await coordinator.ReportAsync(Reports.Window(a, 0, 1.0, discarded: true));
        await coordinator.ReportAsync(Reports.Window(b, 0, 1.0, discarded: true));
        await coordinator.ReportAsync(Reports.Window(a, 1, 0.5));
        await coordinator.ReportAsync(Reports.Window(b, 1, -0.5));
        var summary = await coordinator.GetSummaryAsync();

        Assert.Equal((1, 2L, 2), (summary.Rounds, summary.Transitions, summary.DiscardedTransitions));
    }

    [Fact]
    public async Task LeaveAsync_LastMissingChild_ClosesPendingRound()
    {
        var (coordinator, a, b) = await JoinTwoAsync(Options);

        await coordinator.ReportAsync(Reports.Window(a, 0, 0.5));
        await coordinator.LeaveAsync(b);
        var summary = await coordinator.GetSummaryAsync();

        Assert.Equal((1, 1L), (summary.Rounds, summary.Transitions));
    }

    [Fact]
    public async Task DecideAsync_States_OneActionPerGroupStampedWithVersion()
    {
        var (coordinator, a, b) = await JoinTwoAsync(Options);
        await coordinator.ReportAsync(Reports.Window(a, 0, 1));
        await coordinator.ReportAsync(Reports.Window(b, 0, 2));

        var decision = await coordinator.DecideAsync(a, 1, Reports.States(groups: 5));

        Assert.Equal(5, decision.Actions.Length);
        Assert.All(decision.Actions, action => Assert.InRange(action, 0, 2));
        Assert.Equal(1, decision.PolicyVersion);
    }

    [Fact]
    public async Task JoinAsync_OtherFeatureCount_RefusedNamingTheHistorySetting()
    {
        var (coordinator, _, _) = await JoinTwoAsync(Options);

        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() => coordinator.JoinAsync("x", Options, 30, ["x/0"]));
        Assert.Equal(nameof(ExperimentOptions.HistoryLength), error.ParamName);
        Assert.Contains("30 state features; policy", error.Message);
        Assert.Contains("has 24, so it cannot share it", error.Message);
    }

    private async Task<(ICoordinatorGrain Coordinator, string A, string B)> JoinTwoAsync(ExperimentOptions options)
    {
        var policyId = $"policy-{Guid.NewGuid():N}";
        var coordinator = fixture.Grains.GetGrain<ICoordinatorGrain>(policyId);
        var (a, b) = ($"{policyId}/0", $"{policyId}/1");
        await coordinator.JoinAsync(policyId, options, Reports.Features, [a, b]);
        return (coordinator, a, b);
    }
}
