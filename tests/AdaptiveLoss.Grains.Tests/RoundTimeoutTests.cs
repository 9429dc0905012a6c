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

    /// <summary>
    /// A silo killed 10 s into a round's wait and a new one on the same state folder 10 min later: the round waits a
    /// full timeout from the restore (docs/durability.md, "The round timeout after a restart"), not zero seconds.
    /// </summary>
    [Fact]
    public async Task RoundTimeout_AfterARestartFollowingDowntime_CountsOnlyTimeUp()
    {
        var state = Directory.CreateTempSubdirectory("ala-timeout-").FullName;
        try
        {
            var start = DateTimeOffset.UtcNow;
            var policyId = $"policy-{Guid.NewGuid():N}";
            var (a, b) = ($"{policyId}/0", $"{policyId}/1");
            var before = new FakeTimeProvider(start);
            await using (var first = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: state, time: before))
            {
                var coordinator = first.Client.GetGrain<ICoordinatorGrain>(policyId);
                await coordinator.JoinAsync(policyId, Options, Reports.Features, [a, b]);
                await coordinator.ReportAsync(Reports.Window(a, 0, 0.25));
                before.Advance(TimeSpan.FromSeconds(10));
                Assert.Equal(0, (await coordinator.GetSummaryAsync()).Rounds);
            }

            var after = new FakeTimeProvider(start + TimeSpan.FromMinutes(10));
            await using var second = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: state, time: after);
            var restored = second.Client.GetGrain<ICoordinatorGrain>(policyId);
            var activated = await restored.GetSummaryAsync();
            after.Advance(TimeSpan.FromSeconds(29));
            var waiting = await restored.GetSummaryAsync();
            after.Advance(TimeSpan.FromSeconds(2));
            var closed = await restored.GetSummaryAsync();

            Assert.Equal((0, 0), (activated.Rounds, waiting.Rounds));
            Assert.Equal((1, 1L), (closed.Rounds, closed.Transitions));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
