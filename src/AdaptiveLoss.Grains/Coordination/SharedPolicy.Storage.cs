using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Grains.Persistence;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// How a <see cref="SharedPolicy"/> is stored (docs/durability.md). The record (<see cref="Export"/>) is written after every
/// change and stays small: it holds weights, Adam, baseline, counters, rewards and the round book, but a pending
/// transition only as a stub (no states) and the replay memory only as a list of rounds. The states live in documents
/// written once each: a pending transition when it is reported (<see cref="UnsavedPending"/>), the transitions a round
/// added to the memory when it closes (<see cref="UnsavedChunks"/>). The grain writes those before the record that
/// refers to them and deletes the ones the record no longer needs after it, so a crash between two writes leaves a
/// record whose documents all exist (at worst an orphan document).
/// </summary>
internal sealed partial class SharedPolicy
{
    private readonly List<(int Round, int Count)> _memoryRounds = [];
    private readonly List<MemoryChunk> _unsavedChunks = [];
    private readonly List<int> _evictedRounds = [];
    private readonly List<Transition> _unsavedPending = [];
    private readonly List<(string ChildId, int Window)> _releasedPending = [];
    private int _memorySkip;

    /// <summary>
    /// The policy as it was when <paramref name="record"/> was exported, its replay memory rebuilt from
    /// <paramref name="chunks"/> (the chunks of <see cref="MemoryIndex.Rounds"/>, in that order) and its pending
    /// transitions from <paramref name="pending"/> (those of the record's stubs).
    /// </summary>
    public static SharedPolicy Restore(CoordinatorRecord record, IReadOnlyList<MemoryChunk> chunks, IReadOnlyList<Transition> pending)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(pending);
        if (!chunks.Select(c => c.Round).SequenceEqual(record.Memory.Rounds))
        {
            throw new ArgumentException($"policy {record.PolicyId}: memory chunks of rounds [{string.Join(", ", chunks.Select(c => c.Round))}] "
                + $"do not match the record's [{string.Join(", ", record.Memory.Rounds)}]", nameof(chunks));
        }

        var full = pending.ToDictionary(t => (t.ChildId, t.Window));
        var book = record.Book with
        {
            Queues = [.. record.Book.Queues.Select(q => q with { Entries = [.. q.Entries.Select(e => e.Transition is { } stub
                ? e with { Transition = full.GetValueOrDefault((stub.ChildId, stub.Window))
                    ?? throw new ArgumentException($"policy {record.PolicyId}: the pending transition of {stub.ChildId} window {stub.Window} is missing", nameof(pending)) }
                : e)] })],
        };
        var policy = new SharedPolicy(record.Options, record.FeatureCount, record.PolicyId, new RoundBook(book));
        policy._learner.Restore(record.Learner with { Memory = [.. chunks.SelectMany(c => c.Items).Skip(record.Memory.Skip)] });
        policy._memoryRounds.AddRange(chunks.Select(c => (c.Round, c.Items.Length)));
        policy._memorySkip = record.Memory.Skip;
        policy._rewards.AddRange(record.Rewards);
        (policy._rounds, policy._updates, policy._discarded, policy._snapshotVersion) =
            (record.Rounds, record.Updates, record.Discarded, record.SnapshotVersion);
        return policy;
    }

    /// <summary>The record: everything needed to continue after a restart, with pending transitions as stubs and the memory by reference.</summary>
    public CoordinatorRecord Export()
    {
        var book = _book.Export();
        book = book with
        {
            Queues = [.. book.Queues.Select(q => q with { Entries = [.. q.Entries.Select(e => e.Transition is { } t ? e with { Transition = t with { States = [] } } : e)] })],
        };
        return new(PolicyId, Options, FeatureCount, _learner.Export() with { Memory = [] }, book, [.. _rewards], _rounds, _updates,
            _discarded, _snapshotVersion, new MemoryIndex([.. _memoryRounds.Select(r => r.Round)], _memorySkip));
    }

    /// <summary>The (child, window) of every pending transition stub in <paramref name="record"/>: the documents to read back.</summary>
    public static IEnumerable<(string ChildId, int Window)> PendingKeys(CoordinatorRecord record) =>
        record.Book.Queues.SelectMany(q => q.Entries).Select(e => e.Transition).OfType<Transition>().Select(t => (t.ChildId, t.Window));

    /// <summary>Memory chunks that must be stored before the next record (oldest first).</summary>
    public IReadOnlyList<MemoryChunk> UnsavedChunks => _unsavedChunks;

    /// <summary>Marks <paramref name="chunk"/> as stored.</summary>
    public void ChunkSaved(MemoryChunk chunk) => _unsavedChunks.Remove(chunk);

    /// <summary>Pending transitions that must be stored before the next record.</summary>
    public IReadOnlyList<Transition> UnsavedPending => _unsavedPending;

    /// <summary>Marks <paramref name="transition"/> as stored.</summary>
    public void PendingSaved(Transition transition) => _unsavedPending.Remove(transition);

    /// <summary>Rounds whose chunks left the memory since the last call: deletable once a record without them is stored.</summary>
    public IReadOnlyList<int> TakeEvictedRounds() => Take(_evictedRounds);

    /// <summary>Pending transitions a round took since the last call: deletable once a record without them is stored.</summary>
    public IReadOnlyList<(string ChildId, int Window)> TakeReleasedPending() => Take(_releasedPending);

    /// <summary>Every round whose chunk the memory holds (to delete them all when the policy is forgotten).</summary>
    public IReadOnlyList<int> MemoryRounds => [.. _memoryRounds.Select(r => r.Round)];

    private static T[] Take<T>(List<T> items)
    {
        T[] taken = [.. items];
        items.Clear();
        return taken;
    }

    // A round took these transitions out of the book: a stored one's document can go, an unstored one needs none.
    private void ReleasePending(IReadOnlyList<Transition> round)
    {
        foreach (var transition in round)
        {
            if (!_unsavedPending.Remove(transition))
            {
                _releasedPending.Add((transition.ChildId, transition.Window));
            }
        }
    }

    // The update just added this round's transitions (with their advantages) to the memory: they become one chunk, and
    // chunks the memory no longer holds are evicted, exactly as ReplayMemory drops its oldest items.
    private void AddMemoryChunk(int added)
    {
        var capacity = Options.ReplayCapacity;
        var kept = Math.Min(added, capacity);
        if (kept == 0)
        {
            return;
        }

        var items = _learner.Memory.Items;
        _unsavedChunks.Add(new MemoryChunk(PolicyId, _rounds, [.. items.Skip(items.Count - kept)]));
        _memoryRounds.Add((_rounds, kept));
        var held = _memoryRounds.Sum(r => r.Count) - _memorySkip;
        while (held > capacity)
        {
            var (oldest, count) = _memoryRounds[0];
            var excess = held - capacity;
            if (count - _memorySkip <= excess)
            {
                _memoryRounds.RemoveAt(0);
                _evictedRounds.Add(oldest);
                held -= count - _memorySkip;
                _memorySkip = 0;
            }
            else
            {
                _memorySkip += excess;
                held -= excess;
            }
        }
    }
}
