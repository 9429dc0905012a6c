using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Grains.Persistence;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>
/// The coordinator's whole state survives its storage documents (JSON through the grain storage serializer) mid-run —
/// weights, Adam, replay memory, baseline, book with a pending transition, reward log — and continues exactly.
/// </summary>
public sealed class PolicyCoordinatorStateTests
{
    // A memory of 3 with 2 transitions a round: chunks are evicted whole and in part along the way.
    private static readonly ExperimentOptions Options = new() { Children = 2, Seed = 11, SnapshotEvery = 2, ReplayCapacity = 3, ReplaySample = 2 };
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Restore_FromStoredJsonMidRound_ContinuesBitIdentically()
    {
        var store = new Dictionary<string, BinaryData>();
        var original = Joined(store);
        for (var w = 0; w < 3; w++)
        {
            Save(original, original.Report(Reports.Window("e/0", w, reward: 0.3 * w), T0), store);
            Save(original, original.Report(Reports.Window("e/1", w, reward: -0.2 * w), T0), store);
        }

        var last = original.Report(Reports.Window("e/0", 3, reward: 1.0), T0); // pending: the round waits for e/1
        Save(original, last, store);
        var record = Read<Stored<CoordinatorRecord>>(store["record"]).Value!;
        var restored = PolicyCoordinator.Restore(record,
            [.. record.Memory.Rounds.Select(r => Read<MemoryChunk>(store[$"memory/{r}"]))], [],
            [.. record.Pending!.Chunks.Select(c => Read<PendingChunk>(store[$"pending/{c}"]))], T0);

        // Only the pending transition of e/0 window 3 is in a stored chunk; the record keeps a stub without its states.
        var chunk = Assert.Single(record.Pending!.Chunks);
        Assert.Equal(("e/0", 3), (Assert.Single(Read<PendingChunk>(store[$"pending/{chunk}"]).Items).ChildId, 3));
        Assert.Equal(["memory/2", "memory/3", $"pending/{chunk}", "record"], store.Keys.Order(StringComparer.Ordinal));
        Assert.All(record.Book.Queues.SelectMany(q => q.Entries), e => Assert.Empty(e.Transition!.States));
        // 3 rounds of 2: round 1 evicted (its chunk deleted), one item of round 2 skipped, round 3 whole.
        Assert.Equal([2, 3], record.Memory.Rounds);
        Assert.Equal(1, record.Memory.Skip);
        Assert.Empty(record.Learner.Memory); // the record itself carries no transitions

        Assert.Equal(original.Parameters, restored.Parameters);
        Assert.Equal((original.Version, original.PendingCount, original.LiveChildren), (restored.Version, restored.PendingCount, restored.LiveChildren));
        Assert.False(restored.Report(Reports.Window("e/0", 3, reward: 1.0), T0).Added); // already pending before the restart
        Assert.False(restored.Report(Reports.Window("e/1", 1, reward: 9.0), T0).Added); // already used in round 2
        CoordinatorStep? next = null;
        foreach (var policy in new[] { original, restored })
        {
            policy.Report(Reports.Window("e/1", 3, reward: 0.7), T0);
            policy.Report(Reports.Window("e/0", 4, reward: -0.4), T0);
            next = policy.Report(Reports.Window("e/1", 4, reward: 0.1), T0);
        }

        Assert.Equal(original.Parameters, restored.Parameters);
        Assert.Equal(5, restored.Version);
        Assert.Equal(original.Rewards, restored.Rewards);
        Assert.Equal((original.Rounds, original.Updates, original.Discarded), (restored.Rounds, restored.Updates, restored.Discarded));
        Assert.Equal(original.Decide("e/0", 5, Reports.States()).Actions, restored.Decide("e/0", 5, Reports.States()).Actions);
        // The snapshot schedule continues too.
        Assert.Null(next!.Snapshot); // version 5 is no new multiple of 2
        restored.Leave("e/0", T0);
        Assert.Equal(5, restored.Leave("e/1", T0).Snapshot?.Version); // the last child out takes the final one
    }

    // What the coordinator grain does after a step: documents first, then the record, then the deletions.
    private static void Save(PolicyCoordinator coordinator, CoordinatorStep step, Dictionary<string, BinaryData> store)
    {
        Assert.NotNull(step);
        var commit = coordinator.Commit();
        foreach (var chunk in commit.Write.Pending)
        {
            store[$"pending/{chunk.Index}"] = AdaptiveLossStorage.Serializer.Serialize(chunk);
        }

        foreach (var chunk in commit.Write.Memory)
        {
            store[$"memory/{chunk.Round}"] = AdaptiveLossStorage.Serializer.Serialize(chunk);
        }

        store["record"] = AdaptiveLossStorage.Serializer.Serialize(new Stored<CoordinatorRecord> { Value = commit.Record });
        foreach (var index in commit.Delete.Pending)
        {
            store.Remove($"pending/{index}");
        }

        foreach (var round in commit.Delete.MemoryRounds)
        {
            store.Remove($"memory/{round}");
        }

        coordinator.Saved(commit);
    }

    private static T Read<T>(BinaryData data)
        where T : class => AdaptiveLossStorage.Serializer.Deserialize<T>(data)!;

    private static PolicyCoordinator Joined(Dictionary<string, BinaryData> store)
    {
        var coordinator = new PolicyCoordinator("p", PolicySettings.From(Options), Reports.Features);
        Save(coordinator, coordinator.Join(PolicySettings.From(Options), Reports.Features, PolicyContributor.From("e", Options), ["e/0", "e/1"]), store);
        return coordinator;
    }
}
