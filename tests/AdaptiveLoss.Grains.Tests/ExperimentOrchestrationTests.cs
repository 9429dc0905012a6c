using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>Experiment, child and coordinator grains together, with scripted children (no libtorch).</summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class ExperimentOrchestrationTests(ScriptedClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0, 32, "Children must be in 1..1024 (got 0)")]
    [InlineData(100_000, 32, "Children must be in 1..1024 (got 100000)")]
    [InlineData(4, 46_341, "PolicyHidden must be in 1..1024 (got 46341)")]
    public async Task StartAsync_InvalidOptions_RefusedNamingTheSetting(int children, int hidden, string expected)
    {
        // A client of a shared silo that skips the CLI meets the same bounds (OptionLimits): nothing starts.
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(NewId());

        var error = await Assert.ThrowsAsync<InvalidOptionsException>(() =>
            experiment.StartAsync(new ExperimentOptions { Children = children, PolicyHidden = hidden }));

        Assert.Equal(expected, error.Message);
        Assert.Equal(expected.Split(' ')[0], error.Error?.Setting);
        Assert.Equal(ExperimentState.Idle, (await experiment.GetStatusAsync()).State);
    }

    [Fact]
    public async Task ChildThrows_ReportedFailedWithItsError_WhileTheOtherCompletes()
    {
        var id = NewId();
        fixture.Runner.FailAt($"{id}/1", window: 2);

        var status = await RunAsync(id, new ExperimentOptions { Children = 2, Epochs = 5 });

        Assert.Equal(ExperimentState.Completed, status.State);
        var (ok, failed) = (status.Children[0], status.Children[1]);
        Assert.Equal((ChildState.Completed, 5), (ok.State, ok.Windows.Count));
        Assert.NotNull(ok.Outcome);
        Assert.Equal((ChildState.Failed, 2), (failed.State, failed.Windows.Count));
        Assert.Equal("InvalidOperationException: scripted fault in window 2", failed.Error);
        Assert.Null(failed.Outcome);
        var policy = await fixture.Grains.GetGrain<IExperimentGrain>(id).GetPolicySummaryAsync();
        Assert.Equal(7, policy.Transitions);
    }

    [Fact]
    public async Task Windows_ActionCounts_HistogramOfEveryGroupsAction()
    {
        var status = await RunAsync(NewId(), new ExperimentOptions { Children = 2, Epochs = 3 });

        var windows = status.Children.SelectMany(c => c.Windows).ToList();
        Assert.Equal(6, windows.Count);
        Assert.All(windows, w => Assert.Equal((3, ScriptedChildRunner.Groups), (w.ActionCounts.Length, w.ActionCounts.Sum())));
    }

    [Fact]
    public void CountActions_IndicesOfTheActionSet_CountedPerIndex()
    {
        Assert.Equal([1, 0, 3], Children.WindowSummaries.CountActions([2, 0, 2, 2]));
        Assert.Equal([0, 0, 0], Children.WindowSummaries.CountActions([]));
    }

    [Fact]
    public async Task EveryChildThrows_ExperimentFailed()
    {
        var id = NewId();
        fixture.Runner.FailAt($"{id}/0", window: 0);
        fixture.Runner.FailAt($"{id}/1", window: 1);

        var status = await RunAsync(id, new ExperimentOptions { Children = 2, Epochs = 3 });

        Assert.Equal(ExperimentState.Failed, status.State);
        Assert.All(status.Children, child => Assert.Equal(ChildState.Failed, child.State));
    }

    [Theory]
    [InlineData(LossMode.Ala, true)]
    [InlineData(LossMode.Ce, false)]
    [InlineData(LossMode.Fixed, false)]
    public async Task NoLearning_FrozenPolicyOrBaselineLoss_VersionStaysZeroWhileRoundsAreCounted(LossMode loss, bool freeze)
    {
        var id = NewId();

        var status = await RunAsync(id, new ExperimentOptions { Children = 2, Epochs = 4, Loss = loss, FreezePolicy = freeze });
        var policy = await fixture.Grains.GetGrain<IExperimentGrain>(id).GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, status.State);
        Assert.Equal((0L, 0L, 4, 8L), (policy.Version, policy.Updates, policy.Rounds, policy.Transitions));
        Assert.All(policy.Rewards, r => Assert.Equal(0, r.PolicyVersion));
    }

    [Fact]
    public async Task Learning_AlaPolicy_OneUpdatePerRound()
    {
        var id = NewId();

        await RunAsync(id, new ExperimentOptions { Children = 3, Epochs = 4 });
        var policy = await fixture.Grains.GetGrain<IExperimentGrain>(id).GetPolicySummaryAsync();

        Assert.Equal((4L, 4L, 4, 12L), (policy.Version, policy.Updates, policy.Rounds, policy.Transitions));
    }

    [Fact]
    public async Task StartAsync_AfterTheEnd_StartsAfreshWithANewPolicy()
    {
        var id = NewId();
        var options = new ExperimentOptions { Children = 2, Epochs = 1 };
        var first = await RunAsync(id, options);
        var firstPolicy = await fixture.Grains.GetGrain<IExperimentGrain>(id).GetPolicySummaryAsync();

        var second = await RunAsync(id, options);
        var secondPolicy = await fixture.Grains.GetGrain<IExperimentGrain>(id).GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, second.State);
        Assert.Equal(first.Children.Select(c => c.Windows.Count), second.Children.Select(c => c.Windows.Count));
        // The old policy was forgotten, not continued: same number of transitions, not twice as many.
        Assert.Equal(firstPolicy.Transitions, secondPolicy.Transitions);
        Assert.Equal(firstPolicy.Version, secondPolicy.Version);
    }

    [Fact]
    public async Task StartAsync_WhileRunning_IsRefusedAndPointsAtResume()
    {
        var id = NewId();
        var options = new ExperimentOptions { Children = 1, Epochs = OptionLimits.MaxEpochs }; // far longer than this test
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(options);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => experiment.StartAsync(options));

        Assert.Contains($"ala resume {id}", error.Message, StringComparison.Ordinal);
        await experiment.CancelAsync();
        await ExperimentEnds.WaitAsync(experiment, Deadline);
    }

    private async Task<ExperimentStatus> RunAsync(string id, ExperimentOptions options)
    {
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(options);
        return await ExperimentEnds.WaitAsync(experiment, Deadline);
    }

    private static string NewId() => $"exp-{Guid.NewGuid():N}"[..16];
}
