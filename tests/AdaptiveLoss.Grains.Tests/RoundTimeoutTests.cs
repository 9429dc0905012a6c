using AdaptiveLoss.Core.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// The round timeout (docs/design.md §1.6) on a silo whose clock is a <see cref="FakeTimeProvider"/>: the coordinator's overdue
/// check and its grain timer both run on that clock, so the test moves time itself and no wall-clock margin is involved.
/// Its own cluster: the shared fixture's silo keeps the real clock.
/// </summary>
public sealed class RoundTimeoutTests
{
    private static readonly ExperimentOptions Options = new() { Children = 2, RoundTimeoutSeconds = 30 };

    [Fact]
    public async Task RoundTimeout_OtherChildNeverReports_ClosesTheRoundOnceTheTimeoutHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cluster = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), time: time);
        var policyId = $"policy-{Guid.NewGuid():N}";
        var coordinator = cluster.Client.GetGrain<ICoordinatorGrain>(policyId);
        var (a, b) = ($"{policyId}/0", $"{policyId}/1");
        await coordinator.JoinAsync(policyId, Options, Reports.Features, [a, b]);

        await coordinator.ReportAsync(Reports.Window(a, 0, 0.25));
        // Advancing fires the grain timer's ticks (every 1 s here) inside Advance; each tick is queued on the
        // coordinator before the next call to it, so the summary that follows has seen them.
        time.Advance(TimeSpan.FromSeconds(29));
        var before = await coordinator.GetSummaryAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        var after = await coordinator.GetSummaryAsync();

        Assert.Equal(0, before.Rounds);
        Assert.Equal((1, 1L, 1L), (after.Rounds, after.Version, after.Transitions));
        Assert.Equal([a], after.Rewards.Select(r => r.ChildId));
    }
}
