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
}
