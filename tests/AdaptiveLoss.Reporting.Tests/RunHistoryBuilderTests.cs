using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Reporting.Tests;

public sealed class RunHistoryBuilderTests
{
    private static readonly RunHistory History = RunHistoryBuilder.Build(Statuses.Options, Statuses.Experiment(), Statuses.Policy());

    [Fact]
    public void Build_HandMadeStatuses_EveryChildInIndexOrderWithItsWindowsAndOutcome()
    {
        Assert.Equal((RunHistory.CurrentFormat, Statuses.Id, ExperimentState.Completed, 12.5),
            (History.Format, History.ExperimentId, History.State, History.ElapsedSeconds));
        Assert.Same(Statuses.Options, History.Options);
        Assert.Equal(["exp/0", "exp/1", "exp/2"], History.Children.Select(c => c.Id));
        var first = History.Children[0];
        Assert.Equal((7, ChildState.Completed, 3, 0.12, 0.13), (first.Seed, first.State, first.Classes, first.ValidationMetric, first.TestError));
        Assert.Equal([1, 0.04, 0, 0.04, 1, -0.04, 0, -0.04, 1], first.FinalPhi!);
        Assert.Equal(8, first.Windows.Count);
        Assert.Equal([2, 2, 1], first.Windows[2].ActionCounts);
    }

    [Fact]
    public void Build_LoadedPolicy_RecordedByReferenceNotByItsWeights()
    {
        var loaded = AdaptiveLoss.Core.Policy.Snapshots.PolicySnapshot.Of("fashion", 65, new AdaptiveLoss.Core.Policy.PolicyNetwork(24, 32, 1),
            DateTimeOffset.UnixEpoch, new("fashion-mnist", "cnn", 10, 65, 260));

        var history = RunHistoryBuilder.Build(Statuses.Options with { InitialPolicy = loaded }, Statuses.Experiment(), Statuses.Policy());

        Assert.Equal("fashion@65", history.Policy.FromPolicy);
        Assert.Null(history.Options.InitialPolicy);
        Assert.Null(History.Policy.FromPolicy);
    }

    [Fact]
    public void Build_FailedChild_KeepsWindowsAndErrorWithNullResultsAndSeedFromIndex()
    {
        var failed = History.Children[2];

        Assert.Equal((ChildState.Failed, "InvalidOperationException: boom", 9), (failed.State, failed.Error, failed.Seed));
        Assert.Equal(3, failed.Windows.Count);
        Assert.Null(failed.FinalPhi);
        Assert.Null(failed.TestError);
        Assert.Null(failed.Classes);
    }

    [Fact]
    public void Build_SharedPolicyId_KeepsOnlyThisExperimentsRewardsInRoundOrder()
    {
        Assert.Equal(5, History.Rewards.Count);
        Assert.DoesNotContain(History.Rewards, r => r.ChildId.StartsWith("other/", StringComparison.Ordinal));
        Assert.Equal([1, 1, 2, 2, 3], History.Rewards.Select(r => r.Round));
    }

    [Fact]
    public void Build_Policy_CountersCopiedWithoutTheRewardLog()
    {
        Assert.Equal(new PolicyHistory("exp", 8, 8, 19, 8, 1), History.Policy);
    }
}
