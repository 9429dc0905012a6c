using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// <c>--share-policy</c> (docs/policy-snapshots.md): experiments on one silo that name the same policy id feed one coordinator.
/// The children of both experiments are held before their first window until both experiments have joined, so every
/// round is one window of each of the four children.
/// </summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class SharedPolicyTests(ScriptedClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TwoExperiments_SharePolicy_OneCoordinatorLearnsFromEveryChildOfBoth()
    {
        var (shared, a, b) = (NewId("pol"), NewId("exa"), NewId("exb"));
        var options = new ExperimentOptions { Children = 2, Epochs = 3, PolicyId = shared, SnapshotEvery = 1 };

        await RunTogetherAsync(a, options, b, options with { Seed = 11 });
        var policy = await fixture.Grains.GetGrain<ICoordinatorGrain>(shared).GetSummaryAsync();

        // 2 experiments × 2 children × 3 windows; one update per round.
        Assert.Equal((3, 12L, 3L), (policy.Rounds, policy.Transitions, policy.Version));
        string[] children = [$"{a}/0", $"{a}/1", $"{b}/0", $"{b}/1"];
        Assert.All(policy.Rewards.GroupBy(r => r.Round), round => Assert.Equal(children, round.Select(r => r.ChildId).Order(StringComparer.Ordinal)));
        // Each experiment reports the shared policy, and the snapshots are saved under its id, not under the experiments'.
        Assert.Equal(shared, (await fixture.Grains.GetGrain<IExperimentGrain>(a).GetPolicySummaryAsync()).PolicyId);
        Assert.Equal(policy.Transitions, (await fixture.Grains.GetGrain<IExperimentGrain>(b).GetPolicySummaryAsync()).Transitions);
        var store = new PolicyStore(fixture.StateDirectory);
        Assert.Equal([1L, 2L, 3L], store.Versions(shared));
        Assert.Empty(store.Versions(a));
        Assert.Empty(store.Versions(b));
        // Provenance names both experiments that fed it, with their transitions (not only the one that created it).
        var source = store.Read(new PolicyReference(shared, null)).Source;
        Assert.Equal([(a, 6L), (b, 6L)], source.Experiments!.Select(e => (e.Experiment, e.Transitions)).Order());
        Assert.Equal(12, source.Transitions);
    }

    [Fact]
    public async Task StartAsync_AgainAfterTheEnd_ContinuesTheSharedPolicyInsteadOfForgettingIt()
    {
        var (shared, a) = (NewId("pol"), NewId("exa"));
        var options = new ExperimentOptions { Children = 2, Epochs = 2, PolicyId = shared };

        await RunAsync(a, options);
        await RunAsync(a, options);
        var policy = await fixture.Grains.GetGrain<ICoordinatorGrain>(shared).GetSummaryAsync();

        // An experiment forgets only a policy of its own: the second run adds to the first one's transitions.
        Assert.Equal((8L, 4L), (policy.Transitions, policy.Version));
    }

    [Theory]
    [InlineData(nameof(ExperimentOptions.PolicyHidden))]
    [InlineData(nameof(ExperimentOptions.FreezePolicy))]
    [InlineData(nameof(ExperimentOptions.PolicyLearningRate))]
    public async Task StartAsync_OtherPolicySettingsThanTheSharedPolicy_RefusedNamingTheSetting(string setting)
    {
        var (shared, a, b) = (NewId("pol"), NewId("exa"), NewId("exb"));
        var options = new ExperimentOptions { Children = 1, Epochs = 1, PolicyId = shared };
        var other = setting switch
        {
            nameof(ExperimentOptions.PolicyHidden) => options with { PolicyHidden = 16 },
            nameof(ExperimentOptions.FreezePolicy) => options with { FreezePolicy = true },
            _ => options with { PolicyLearningRate = 0.01 },
        };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Runner.HoldUntil(a, release.Task);
        var first = fixture.Grains.GetGrain<IExperimentGrain>(a);
        await first.StartAsync(options);

        var second = fixture.Grains.GetGrain<IExperimentGrain>(b);
        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() => second.StartAsync(other));
        release.SetResult();

        // Across the grain call the error keeps its structure: the setting at fault and the one that differs.
        Assert.Equal(nameof(ExperimentOptions.PolicyId), error.Error?.Setting);
        Assert.Equal([setting], error.Error?.Mentions ?? []);
        Assert.StartsWith($"PolicyId {shared}: {setting} differs", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(ExperimentState.Idle, (await second.GetStatusAsync()).State);
        Assert.Equal(ExperimentState.Completed, (await WaitAsync(a)).State);
    }

    // Starts both experiments while their children wait, then lets them all run.
    private async Task RunTogetherAsync(string a, ExperimentOptions optionsA, string b, ExperimentOptions optionsB)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Runner.HoldUntil(a, release.Task);
        fixture.Runner.HoldUntil(b, release.Task);
        await fixture.Grains.GetGrain<IExperimentGrain>(a).StartAsync(optionsA);
        await fixture.Grains.GetGrain<IExperimentGrain>(b).StartAsync(optionsB);
        release.SetResult();
        Assert.Equal(ExperimentState.Completed, (await WaitAsync(a)).State);
        Assert.Equal(ExperimentState.Completed, (await WaitAsync(b)).State);
    }

    private async Task RunAsync(string id, ExperimentOptions options)
    {
        await fixture.Grains.GetGrain<IExperimentGrain>(id).StartAsync(options);
        Assert.Equal(ExperimentState.Completed, (await WaitAsync(id)).State);
    }

    private Task<ExperimentStatus> WaitAsync(string id)
    {
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        return Eventually.WaitAsync(experiment.GetStatusAsync, s => s.State != ExperimentState.Running, Deadline, $"end of {id}");
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];
}
