using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>
/// A coordinator restored by a new silo on the same state folder (docs/durability.md) from its record and its write-once
/// documents, here with a sealed reward-log chunk, and continuing where it was.
/// </summary>
public sealed class CoordinatorRestartTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("ala-coordinator-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task NewSilo_PolicyWithASealedRewardChunk_SameRewardsAndGoesOn()
    {
        // Frozen (ce): no update per round, so the test is about storage, not learning.
        var options = new ExperimentOptions { Children = 2, Loss = LossMode.Ce };
        var policyId = $"policy-{Guid.NewGuid():N}"[..20];
        var (a, b) = ($"{policyId}/0", $"{policyId}/1");
        var windows = (RewardChunk.Size / 2) + 1;
        PolicySummary before;
        await using (var first = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: _state))
        {
            var coordinator = first.Client.GetGrain<ICoordinatorGrain>(policyId);
            await coordinator.JoinAsync(policyId, options, Reports.Features, [a, b]);
            for (var w = 0; w < windows; w++)
            {
                await coordinator.ReportAsync(Reports.Window(a, w, reward: w));
                await coordinator.ReportAsync(Reports.Window(b, w, reward: -w));
            }

            await coordinator.ReportAsync(Reports.Window(a, windows, reward: 0.5)); // pending over the restart
            before = await coordinator.GetSummaryAsync();
        }

        await using var second = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: _state);
        var restored = second.Client.GetGrain<ICoordinatorGrain>(policyId);
        var after = await restored.GetSummaryAsync();
        await restored.ReportAsync(Reports.Window(b, windows, reward: 0.25));
        var next = await restored.GetSummaryAsync();

        Assert.Equal(2 * windows, after.Rewards.Count);
        Assert.Equal(before.Rewards, after.Rewards);
        Assert.Single(Directory.GetFiles(Path.Combine(_state, "grains", "rewards"), "*.json", SearchOption.AllDirectories));
        Assert.Equal((windows + 1, 2L * (windows + 1)), (next.Rounds, next.Transitions));
    }

    /// <summary>
    /// Group commit (docs/durability.md): 64 children report at once and share stores; every report that returned is
    /// stored, so a new silo finds every pending transition once, and the round they belong to closes with all 64.
    /// </summary>
    [Fact]
    public async Task NewSilo_ManyChildrenReportedAtOnce_EveryReturnedReportIsStoredOnce()
    {
        var options = new ExperimentOptions { Children = 64, ReplayCapacity = 256 };
        var policyId = $"policy-{Guid.NewGuid():N}"[..20];
        var children = Enumerable.Range(0, options.Children).Select(i => $"{policyId}/{i}").ToArray();
        await using (var first = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: _state))
        {
            var coordinator = first.Client.GetGrain<ICoordinatorGrain>(policyId);
            await coordinator.JoinAsync(policyId, options, Reports.Features, children);
            await Task.WhenAll(children.Select((c, i) => coordinator.ReportAsync(Reports.Window(c, 0, reward: 0.01 * i))));
            // Window 1 of every child but the last: pending over the restart.
            await Task.WhenAll(children[..^1].Select((c, i) => coordinator.ReportAsync(Reports.Window(c, 1, reward: -0.01 * i))));
            var before = await coordinator.GetSummaryAsync();
            Assert.Equal((1, 64L, 1L), (before.Rounds, before.Transitions, before.Version));
        }

        await using var second = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: _state);
        var restored = second.Client.GetGrain<ICoordinatorGrain>(policyId);
        await Task.WhenAll(children[..^1].Select(c => restored.ReportAsync(Reports.Window(c, 1, reward: 9.0))));
        await restored.ReportAsync(Reports.Window(children[^1], 1, reward: 0.5));
        var after = await restored.GetSummaryAsync();

        Assert.Equal((2, 128L, 2L), (after.Rounds, after.Transitions, after.Version));
        var secondRound = after.Rewards.Where(r => r.Round == 2).ToArray();
        Assert.Equal(children.Order(StringComparer.Ordinal), secondRound.Select(r => r.ChildId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(secondRound, r => r.Reward == 9.0); // the re-sent windows were duplicates
        var pending = Path.Combine(_state, "grains", "pendingchunks");
        Assert.True(Directory.Exists(pending), "the pending transitions were stored in chunks");
        Assert.Empty(Directory.GetFiles(pending, "*.json", SearchOption.AllDirectories)); // and deleted once their round closed
    }
}
