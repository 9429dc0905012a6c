using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Coordination;

/// <summary>The coordinator's state machine (docs/design.md §1.4, §1.6) and the steps it asks its host to carry out (docs/durability.md).</summary>
public sealed class PolicyCoordinatorTests
{
    private static readonly ExperimentOptions Options = new() { Children = 2, Seed = 3, SnapshotEvery = 2 };
    private static readonly PolicySettings Settings = PolicySettings.From(Options);
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Report_EveryLiveChildReported_ClosesOneRoundAndListsItsDocuments()
    {
        var coordinator = Joined("e", ["e/0", "e/1"]);

        var first = coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);
        var firstCommit = coordinator.Commit();
        coordinator.Saved(firstCommit);
        var second = coordinator.Report(Windows.Report("e/1", 0, reward: -0.5), T0);
        var secondCommit = coordinator.Commit();

        Assert.Equal((true, 0, "e/0"), (first.Added, first.Closed.Count, Assert.Single(Assert.Single(firstCommit.Write.Pending).Items).ChildId));
        var round = Assert.Single(second.Closed);
        Assert.Equal((1, 2, 0.25, 1L), (round.Round, round.Transitions, round.MeanReward, round.Version));
        // e/1's transition left the book before any store: no document. e/0's stored chunk can go.
        Assert.Empty(secondCommit.Write.Pending);
        Assert.Equal(firstCommit.Write.Pending[0].Index, Assert.Single(secondCommit.Delete.Pending));
        Assert.Empty(secondCommit.Record.Pending!.Chunks);
        Assert.Equal((1, 2), (Assert.Single(secondCommit.Write.Memory).Round, secondCommit.Write.Memory[0].Items.Length));
        Assert.Equal([new RoundReward(1, "e/0", 0, 1.0, 0), new RoundReward(1, "e/1", 0, -0.5, 0)], secondCommit.Record.Rewards.Tail);
        Assert.Null(second.Snapshot); // version 1 is no multiple of 2
    }

    [Fact]
    public void Report_PairCredit_TheGroupRewardsReachTheLearnerAsPerGroupAdvantages()
    {
        // docs/credit.md: each group against the same group of the round; the round's memory chunk keeps them.
        var coordinator = Joined("e", ["e/0", "e/1"]);

        coordinator.Report(Windows.Report("e/0", 0, reward: 3.0) with { GroupRewards = [1.0, 2.0, 0.0] }, T0);
        coordinator.Report(Windows.Report("e/1", 0, reward: 1.0) with { GroupRewards = [-1.0, 2.0, 0.0] }, T0);

        var items = Assert.Single(coordinator.Commit().Write.Memory).Items;
        Assert.Equal([[1.0, 0.0, 0.0], [-1.0, 0.0, 0.0]], items.Select(i => i.GroupAdvantages!).ToArray());
        Assert.Equal([1.0, -1.0], items.Select(i => i.Advantage));
        Assert.Equal([1.0, 2.0, 0.0], items[0].Transition.GroupRewards!);
    }

    [Fact]
    public void Report_WritesNotAcknowledged_ListedAgainByTheNextCommit()
    {
        var coordinator = Joined("e", ["e/0", "e/1"]);

        coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);
        var failed = coordinator.Commit(); // never acknowledged
        var duplicate = coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);
        var retried = coordinator.Commit();

        Assert.False(duplicate.Added);
        Assert.Equal(failed.Write.Pending, retried.Write.Pending);
        coordinator.Saved(retried);
        coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);
        Assert.Empty(coordinator.Commit().Write.Pending);
    }

    [Fact]
    public void Commit_AfterManyReports_OneChunkHoldsThemAndGoesWhenTheirRoundClosed()
    {
        // Group commit (docs/durability.md): the host stores once for all the reports that arrived together.
        var children = Enumerable.Range(0, 5).Select(i => $"e/{i}").ToArray();
        var coordinator = Joined("e", children);
        foreach (var child in children[..4])
        {
            coordinator.Report(Windows.Report(child, 0, reward: 1.0), T0);
        }

        var early = coordinator.Commit();
        Assert.Equal(children[..4], Assert.Single(early.Write.Pending).Items.Select(t => t.ChildId).Order());
        Assert.Equal([early.Write.Pending[0].Index], early.Record.Pending!.Chunks);
        Assert.Equal(4, early.Record.Book.Queues.Sum(q => q.Entries.Length));
        coordinator.Saved(early);
        coordinator.Report(Windows.Report("e/4", 0, reward: 1.0), T0); // closes the round

        var failed = coordinator.Commit(); // the four stored documents can go; never acknowledged
        var retried = coordinator.Commit();

        Assert.Equal([early.Write.Pending[0].Index], failed.Delete.Pending);
        Assert.Equal(failed.Delete.Pending, retried.Delete.Pending);
        Assert.Empty(retried.Write.Pending);
        coordinator.Saved(retried);
        Assert.Same(DocumentDeletes.None, coordinator.Commit().Delete);
    }

    [Fact]
    public void Restore_RecordOfTheOneDocumentPerTransitionLayout_NextCommitStoresThemAsAChunk()
    {
        var coordinator = Joined("e", ["e/0", "e/1"]);
        coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);
        var stored = coordinator.Commit();
        var legacy = stored.Record with { Pending = null };
        var documents = stored.Write.Pending.SelectMany(c => c.Items).ToArray();

        Assert.Equal([new PendingKey("e/0", 0)], PolicyCoordinator.PendingKeys(legacy));
        var restored = PolicyCoordinator.Restore(legacy, [], [], [new PendingChunk("e", PendingChunk.Legacy, documents)], T0);
        var commit = restored.Commit();

        Assert.Equal(("e/0", 0), (Assert.Single(Assert.Single(commit.Write.Pending).Items).ChildId, commit.Write.Pending[0].Items[0].Window));
        Assert.Equal([commit.Write.Pending[0].Index], commit.Record.Pending!.Chunks);
        Assert.Throws<ArgumentException>(() => PolicyCoordinator.Restore(stored.Record, [], [], [], T0)); // its chunk is missing
    }

    [Fact]
    public void Report_RewardLog_SealsAChunkEveryChunkSizeEntriesAndTheRecordKeepsOnlyTheTail()
    {
        var frozen = PolicySettings.From(Options with { Loss = LossMode.Ce });
        var coordinator = new PolicyCoordinator("p", frozen, Windows.Features);
        coordinator.Join(frozen, Windows.Features, PolicyContributor.From("e", Options), ["e/0", "e/1"]);
        var steps = new List<CoordinatorCommit>();
        for (var w = 0; w < (RewardLog.ChunkSize / 2) + 1; w++)
        {
            foreach (var child in new[] { "e/0", "e/1" })
            {
                coordinator.Report(Windows.Report(child, w, reward: w), T0);
                var step = coordinator.Commit();
                coordinator.Saved(step);
                steps.Add(step);
            }
        }

        // One chunk is written once, by the report that filled it; no record ever holds a full chunk.
        var sealing = Assert.Single(steps, s => s.Write.Rewards.Count > 0);
        Assert.Equal((0, RewardLog.ChunkSize), (Assert.Single(sealing.Write.Rewards).Index, sealing.Write.Rewards[0].Items.Length));
        Assert.All(steps, s => Assert.InRange(s.Record.Rewards.Tail.Length, 0, RewardLog.ChunkSize - 1));
        var record = steps[^1].Record;
        Assert.Equal((1, 2), (record.Rewards.Chunks, record.Rewards.Tail.Length));
        var restored = PolicyCoordinator.Restore(record, [], sealing.Write.Rewards, [], T0);
        Assert.Equal(coordinator.Rewards, restored.Rewards);
        Assert.Throws<ArgumentException>(() => PolicyCoordinator.Restore(record, [], [], [], T0));
    }

    [Fact]
    public void Snapshot_SharedByTwoExperiments_ProvenanceNamesBothWithTheirTransitions()
    {
        var coordinator = Joined("a", ["a/0", "a/1"]);
        var other = Options with { Task = TaskKind.Cifar10, Model = ModelKind.Mlp, Classes = 5 };
        coordinator.Join(PolicySettings.From(other), Windows.Features, PolicyContributor.From("b", other), ["b/0"]);
        foreach (var child in new[] { "a/0", "a/1", "b/0" })
        {
            coordinator.Report(Windows.Report(child, 0, reward: 0.1), T0);
        }

        coordinator.Leave("a/0", T0);
        coordinator.Leave("a/1", T0);
        var due = coordinator.Report(Windows.Report("b/0", 1, reward: 0.2), T0).Snapshot!; // version 2: a multiple of 2

        Assert.Equal(new SnapshotSource("fashion-mnist", "cnn", 10, 2, 4, null,
            [new SnapshotExperiment("a", "fashion-mnist", "cnn", 10, 2), new SnapshotExperiment("b", "cifar10", "mlp", 5, 2)]), due.Source);
        Assert.Equal(2, due.Version);
    }

    [Fact]
    public void Tick_OverdueRound_ClosesWhatIsPendingAndNothingBefore()
    {
        var coordinator = Joined("e", ["e/0", "e/1"]);
        coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);

        Assert.Null(coordinator.Tick(T0 + Settings.RoundTimeout - TimeSpan.FromTicks(1)));
        var step = coordinator.Tick(T0 + Settings.RoundTimeout)!;

        Assert.Equal((1, 1, 1.0), (Assert.Single(step.Closed).Round, step.Closed[0].Transitions, step.Closed[0].MeanReward));
        Assert.False(step.Idle);
    }

    /// <summary>
    /// A kill 30 s into a round's wait and a restart 10 min later: the downtime is not waiting (docs/durability.md, "The
    /// round timeout after a restart"), so the round closes one full timeout after the restore, not at once.
    /// </summary>
    [Fact]
    public void Tick_AfterRestoreFollowingDowntime_CountsOnlyTheTimeUp()
    {
        var coordinator = Joined("e", ["e/0", "e/1"]);
        coordinator.Report(Windows.Report("e/0", 0, reward: 1.0), T0);
        var stored = coordinator.Commit();
        Assert.Null(coordinator.Tick(T0 + TimeSpan.FromSeconds(30)));
        var restoredAt = T0 + TimeSpan.FromMinutes(10);

        var restored = PolicyCoordinator.Restore(stored.Record, [], [], stored.Write.Pending, restoredAt);

        Assert.Null(restored.Tick(restoredAt));
        Assert.Null(restored.Tick(restoredAt + Settings.RoundTimeout - TimeSpan.FromTicks(1)));
        var step = restored.Tick(restoredAt + Settings.RoundTimeout)!;
        Assert.Equal((1, 1, 1.0), (Assert.Single(step.Closed).Round, step.Closed[0].Transitions, step.Closed[0].MeanReward));
        Assert.All(restored.Commit().Record.Book.Queues.SelectMany(q => q.Entries), e => Assert.Equal(restoredAt, e.ReceivedAt));
    }

    [Fact]
    public void Join_OtherFeaturesSettingsOrSnapshot_RefusedWithOneLine()
    {
        var coordinator = Joined("e", ["e/0"]);
        var snapshot = PolicySnapshot.Of("s", 1, new AdaptiveLoss.Core.Policy.PolicyNetwork(Windows.Features, 32, 1), T0, new SnapshotSource("x", "y", 2, 1, 1));

        Assert.Equal("HistoryLength gives a child 30 state features; policy p has 24, so it cannot share it",
            coordinator.JoinProblem(Settings, 30)?.ToString());
        Assert.Equal("PolicyId p: PolicyLearningRate differs: the shared policy has 0.001, this experiment asks for 0.5 "
            + "(experiments sharing a policy need the same policy settings)", coordinator.JoinProblem(Settings with { LearningRate = 0.5 }, Windows.Features)?.ToString());
        Assert.StartsWith("InitialPolicy s@1: policy p already exists",
            coordinator.JoinProblem(Settings with { InitialPolicy = snapshot }, Windows.Features)?.ToString(), StringComparison.Ordinal);
        Assert.Null(coordinator.JoinProblem(Settings, Windows.Features));
        Assert.Equal("HistoryLength", Assert.Throws<ArgumentException>(() => coordinator.Join(Settings, 30, Contributor("f"), ["f/0"])).ParamName);
        Assert.Equal("PolicyId", Assert.Throws<ArgumentException>(
            () => coordinator.Join(Settings with { LearningRate = 0.5 }, Windows.Features, Contributor("f"), ["f/0"])).ParamName);
        Assert.Equal(1, coordinator.LiveChildren);
    }

    [Fact]
    public void Coordinator_SameSeedAndReports_SameWeightsAndDecisions()
    {
        var (x, y) = (Joined("e", ["e/0", "e/1"]), Joined("e", ["e/0", "e/1"]));
        foreach (var c in new[] { x, y })
        {
            for (var w = 0; w < 3; w++)
            {
                c.Report(Windows.Report("e/0", w, reward: 0.5 * w), T0);
                c.Report(Windows.Report("e/1", w, reward: -0.25 * w), T0);
            }
        }

        Assert.Equal(x.Parameters, y.Parameters);
        Assert.Equal(3, x.Version);
        Assert.Equal(x.Decide("e/0", 3, Windows.States()).Actions, y.Decide("e/0", 3, Windows.States()).Actions);
    }

    private static PolicyContributor Contributor(string experiment) => PolicyContributor.From(experiment, Options);

    private static PolicyCoordinator Joined(string experiment, string[] children)
    {
        var coordinator = new PolicyCoordinator("p", Settings, Windows.Features);
        coordinator.Join(Settings, Windows.Features, Contributor(experiment), children);
        return coordinator;
    }
}
