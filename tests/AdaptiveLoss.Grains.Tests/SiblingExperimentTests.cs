using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// Sibling rounds on the grains (docs/credit.md): real TorchSharp children (MLP, tiny IDX data) whose windows run as
/// siblings; the coordinator's rounds hold every sibling, the children's progress their chosen one.
/// </summary>
[Collection(TorchClusterCollection.Name)]
public sealed class SiblingExperimentTests(TorchClusterFixture fixture)
{
    [Fact]
    public async Task Siblings_EveryRoundHoldsEverySiblingOfEveryChild_AndTheChildrenShowOneWindowEach()
    {
        var id = $"sib-{Guid.NewGuid():N}"[..16];
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        const int windows = 5; // ⌈2 epochs × 10 iterations / 4⌉

        await experiment.StartAsync(new ExperimentOptions
        {
            Task = TaskKind.Idx,
            DataDirectory = TinyIdxData.Folder,
            Model = ModelKind.Mlp,
            Children = 2,
            Epochs = 2,
            BatchSize = 32,
            Window = 4,
            ValidationSize = 100,
            Siblings = 2,
            Antithetic = true,
        });
        var status = await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(90));
        var policy = await experiment.GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, status.State);
        Assert.All(status.Children, child =>
        {
            Assert.Equal(ChildState.Completed, child.State);
            Assert.Equal(windows, child.Windows.Count);
            Assert.Equal(Enumerable.Range(0, windows), child.Windows.Select(w => w.Window));
        });

        // Two children × two siblings × five windows, one round per window: each round waited for all four siblings,
        // and every child left (each of its sibling ids), or the rounds of the last window would never have closed.
        var expected = status.Children.SelectMany(c => Siblings.Ids(c.ChildId, 2)).SelectMany(s => Enumerable.Range(0, windows).Select(w => (s, w)));
        Assert.Equal(expected.Order(), policy.Rewards.Select(r => (r.ChildId, r.Window)).Order());
        Assert.Equal((windows, 4L * windows, (long)windows), (policy.Rounds, policy.Transitions, policy.Updates));
        Assert.All(policy.Rewards.GroupBy(r => r.Round), round => Assert.Equal(4, round.Count()));
    }
}
