using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Grains.Coordination;
using AdaptiveLoss.Grains.Persistence;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>
/// The coordinator's whole state survives its storage document (JSON through the grain storage serializer)
/// mid-run — weights, Adam, replay memory, baseline, book with a pending transition, reward log — and continues exactly.
/// </summary>
public sealed class SharedPolicyStateTests
{
    // A memory of 3 with 2 transitions a round: chunks are evicted whole and in part along the way.
    private static readonly ExperimentOptions Options = new() { Children = 2, Seed = 11, SnapshotEvery = 2, ReplayCapacity = 3, ReplaySample = 2 };
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Restore_FromStoredJsonMidRound_ContinuesBitIdentically()
    {
        // Stored after every report, as the grain does: documents come and go along the way.
        var storage = new Dictionary<int, BinaryData>();
        var pending = new Dictionary<(string, int), BinaryData>();
        var original = Joined();
        for (var w = 0; w < 3; w++)
        {
            original.Report(Reports.Window("e/0", w, reward: 0.3 * w), T0);
            Save(original, storage, pending);
            original.Report(Reports.Window("e/1", w, reward: -0.2 * w), T0);
            Save(original, storage, pending);
        }

        original.Report(Reports.Window("e/0", 3, reward: 1.0), T0); // pending: the round waits for e/1
        Assert.Equal(3, original.TakeSnapshot(final: false, T0)!.Version); // the grain would have saved version 3
        var document = Save(original, storage, pending);
        var record = AdaptiveLossStorage.Serializer.Deserialize<Stored<CoordinatorRecord>>(document)!.Value!;
        var chunks = record.Memory.Rounds.Select(r => AdaptiveLossStorage.Serializer.Deserialize<MemoryChunk>(storage[r])!).ToList();
        var transitions = SharedPolicy.PendingKeys(record).Select(k => AdaptiveLossStorage.Serializer.Deserialize<Transition>(pending[k])!).ToList();
        var restored = SharedPolicy.Restore(record, chunks, transitions);

        // Only the pending transition of e/0 window 3 has a document; the record keeps a stub without its states.
        Assert.Equal([("e/0", 3)], pending.Keys);
        Assert.All(record.Book.Queues.SelectMany(q => q.Entries), e => Assert.Empty(e.Transition!.States));

        // 3 rounds of 2: round 1 evicted (its chunk deleted), one item of round 2 skipped, round 3 whole.
        Assert.Equal([2, 3], record.Memory.Rounds);
        Assert.Equal(1, record.Memory.Skip);
        Assert.Equal([2, 3], storage.Keys.Order());
        Assert.Empty(record.Learner.Memory); // the record itself carries no transitions

        Assert.Equal(original.Parameters, restored.Parameters);
        Assert.Null(restored.TakeSnapshot(final: true, T0)); // version 3 is already saved
        Assert.Equal((original.Version, original.PendingCount, original.LiveChildren), (restored.Version, restored.PendingCount, restored.LiveChildren));
        Assert.False(restored.Report(Reports.Window("e/0", 3, reward: 1.0), T0).Added); // already pending before the restart
        Assert.False(restored.Report(Reports.Window("e/1", 1, reward: 9.0), T0).Added); // already used in round 2
        foreach (var policy in new[] { original, restored })
        {
            policy.Report(Reports.Window("e/1", 3, reward: 0.7), T0);
            policy.Report(Reports.Window("e/0", 4, reward: -0.4), T0);
            policy.Report(Reports.Window("e/1", 4, reward: 0.1), T0);
        }

        Assert.Equal(original.Parameters, restored.Parameters);
        Assert.Equal(5, restored.Version);
        Assert.Equal(original.Summary("p"), restored.Summary("p"), SummaryComparer.Instance);
        Assert.Equal(original.Decide("e/0", 5, Reports.States()).Actions, restored.Decide("e/0", 5, Reports.States()).Actions);
        // The snapshot schedule continues too: version 3 was saved before the restart, 5 is due (a new multiple of 2).
        Assert.Equal(5, restored.TakeSnapshot(final: false, T0)!.Version);
        Assert.Null(restored.TakeSnapshot(final: true, T0));
    }

    [Fact]
    public void Decide_SameChildAndWindow_SameActionsWhateverCameBetween()
    {
        var policy = Joined();
        var first = policy.Decide("e/0", 2, Reports.States(20));
        policy.Decide("e/1", 2, Reports.States(20));
        policy.Decide("e/0", 3, Reports.States(20));

        Assert.Equal(first.Actions, policy.Decide("e/0", 2, Reports.States(20)).Actions);
        Assert.NotEqual(first.Actions, policy.Decide("e/1", 2, Reports.States(20)).Actions);
    }

    // What the coordinator grain does on every change: chunks first, then the record, then delete evicted chunks.
    private static BinaryData Save(SharedPolicy policy, Dictionary<int, BinaryData> storage, Dictionary<(string, int), BinaryData> pending)
    {
        foreach (var transition in policy.UnsavedPending.ToArray())
        {
            pending[(transition.ChildId, transition.Window)] = AdaptiveLossStorage.Serializer.Serialize(transition);
            policy.PendingSaved(transition);
        }

        foreach (var chunk in policy.UnsavedChunks.ToArray())
        {
            storage[chunk.Round] = AdaptiveLossStorage.Serializer.Serialize(chunk);
            policy.ChunkSaved(chunk);
        }

        var (evicted, released) = (policy.TakeEvictedRounds(), policy.TakeReleasedPending());
        var record = AdaptiveLossStorage.Serializer.Serialize(new Stored<CoordinatorRecord> { Value = policy.Export() });
        foreach (var round in evicted)
        {
            storage.Remove(round);
        }

        foreach (var key in released)
        {
            pending.Remove(key);
        }

        return record;
    }

    private static SharedPolicy Joined()
    {
        var policy = new SharedPolicy(Options, Reports.Features, "p");
        policy.Join(["e/0", "e/1"]);
        return policy;
    }

    private sealed class SummaryComparer : IEqualityComparer<PolicySummary>
    {
        public static readonly SummaryComparer Instance = new();

        public bool Equals(PolicySummary? x, PolicySummary? y) =>
            x is not null && y is not null && (x.Version, x.Updates, x.Transitions, x.Rounds, x.DiscardedTransitions) == (y.Version, y.Updates, y.Transitions, y.Rounds, y.DiscardedTransitions)
            && x.Rewards.SequenceEqual(y.Rewards);

        public int GetHashCode(PolicySummary obj) => obj.Version.GetHashCode();
    }
}
