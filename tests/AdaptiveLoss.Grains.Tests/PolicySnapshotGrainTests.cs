using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>The coordinator saves snapshots to the silo's store (docs/policy-snapshots.md) and starts from a loaded one.</summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class PolicySnapshotGrainTests(ScriptedClusterFixture fixture)
{
    private PolicyStore Store => new(fixture.StateDirectory);

    [Fact]
    public async Task Coordinator_SnapshotEveryTwo_SavesVersionsTwoAndFourThenFiveWhenTheLastChildLeaves()
    {
        var options = new ExperimentOptions { Children = 2, SnapshotEvery = 2, Classes = 3, Model = ModelKind.Mlp };
        var (coordinator, policyId, a, b) = await JoinTwoAsync(options);

        for (var window = 0; window < 5; window++)
        {
            await coordinator.ReportAsync(Reports.Window(a, window, reward: 1.0));
            await coordinator.ReportAsync(Reports.Window(b, window, reward: -0.5));
        }

        var during = Store.Versions(policyId);
        await coordinator.LeaveAsync(a);
        var afterOne = Store.Versions(policyId);
        await coordinator.LeaveAsync(b);

        Assert.Equal([2L, 4L], during);
        Assert.Equal([2L, 4L], afterOne);
        Assert.Equal([2L, 4L, 5L], Store.Versions(policyId));
        var last = Store.Read(new PolicyReference(policyId, null));
        // Provenance from the experiment that fed the transitions (the policy id is the experiment id here).
        Assert.Equal(new SnapshotSource("fashion-mnist", "mlp", 3, 5, 10, null, [new SnapshotExperiment(policyId, "fashion-mnist", "mlp", 3, 10)]), last.Source);
        Assert.Equal((24, 32, 5L), (last.Inputs, last.Hidden, last.Version));
    }

    [Theory]
    [InlineData(LossMode.Ce, false)]
    [InlineData(LossMode.Ala, true)]
    public async Task Coordinator_PolicyThatDoesNotLearn_SavesNothing(LossMode loss, bool frozen)
    {
        var options = new ExperimentOptions { Children = 2, SnapshotEvery = 1, Loss = loss, FreezePolicy = frozen };
        var (coordinator, policyId, a, b) = await JoinTwoAsync(options);

        await coordinator.ReportAsync(Reports.Window(a, 0, reward: 1.0));
        await coordinator.ReportAsync(Reports.Window(b, 0, reward: -0.5));
        await coordinator.LeaveAsync(a);
        await coordinator.LeaveAsync(b);

        Assert.Equal(1, (await coordinator.GetSummaryAsync()).Rounds);
        Assert.Empty(Store.Versions(policyId));
    }

    /// <summary>
    /// A learning run from a loaded snapshot: one Adam step (lr 1e-3) moves each weight by at most ~1e-3, so its
    /// snapshot stays next to the loaded weights (a random initialisation is ~0.1 away), and records where it started.
    /// </summary>
    [Fact]
    public async Task Coordinator_FromLoadedSnapshot_StartsFromItsWeightsAndRecordsFromPolicy()
    {
        var loaded = PolicySnapshot.Of("source", 7, new PolicyNetwork(24, 32, seed: 99), DateTimeOffset.UnixEpoch,
            new SnapshotSource("fashion-mnist", "cnn", 10, 7, 28));
        // ema baseline: the raw rewards are the advantages (identical states, so population advantages would cancel).
        var options = new ExperimentOptions { Children = 2, SnapshotEvery = 1, InitialPolicy = loaded, Baseline = BaselineKind.Ema };
        var (coordinator, policyId, a, b) = await JoinTwoAsync(options);

        await coordinator.ReportAsync(Reports.Window(a, 0, reward: 1.0));
        await coordinator.ReportAsync(Reports.Window(b, 0, reward: -0.5));

        var first = Store.Read(new PolicyReference(policyId, 1));
        Assert.Equal("source@7", first.Source.FromPolicy);
        var distance = first.Parameters.Zip(loaded.Parameters, (x, y) => Math.Abs(x - y)).Max();
        Assert.InRange(distance, 1e-9, 2e-3);
        var random = new PolicyNetwork(24, 32, seed: options.Seed).Parameters;
        Assert.True(first.Parameters.Zip(random, (x, y) => Math.Abs(x - y)).Max() > 0.05, "the policy started from its random init");
    }

    [Fact]
    public async Task Coordinator_LoadedSnapshotWithOtherInputs_JoinRefusedWithBothShapes()
    {
        var loaded = PolicySnapshot.Of("wide", 3, new PolicyNetwork(30, 32, seed: 1), DateTimeOffset.UnixEpoch,
            new SnapshotSource("fashion-mnist", "cnn", 10, 3, 12));
        var coordinator = fixture.Grains.GetGrain<ICoordinatorGrain>($"policy-{Guid.NewGuid():N}");

        // The coordinator checks the policy settings it is given, in the options validator's words.
        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() =>
            coordinator.JoinAsync("x", new ExperimentOptions { InitialPolicy = loaded }, Reports.Features, ["x/0"]));

        Assert.Contains("InitialPolicy wide@3 takes 30 state features, this run has 24", error.Message);
    }

    private async Task<(ICoordinatorGrain Coordinator, string PolicyId, string A, string B)> JoinTwoAsync(ExperimentOptions options)
    {
        var policyId = $"policy-{Guid.NewGuid():N}";
        var coordinator = fixture.Grains.GetGrain<ICoordinatorGrain>(policyId);
        var (a, b) = ($"{policyId}/0", $"{policyId}/1");
        await coordinator.JoinAsync(policyId, options, Reports.Features, [a, b]);
        return (coordinator, policyId, a, b);
    }
}
