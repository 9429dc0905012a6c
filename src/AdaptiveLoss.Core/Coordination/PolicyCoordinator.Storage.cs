using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// How a <see cref="PolicyCoordinator"/> is stored (docs/durability.md). The record (<see cref="CoordinatorRecord"/>) is written
/// after every change and stays bounded: weights, Adam, baseline, counters, the reward log's open tail and the round
/// book, with a pending transition only as a stub (no states) and the replay memory only as a list of rounds. The rest
/// lives in documents written once each: a pending transition when it is reported, the transitions a round added to the
/// memory when it closes, every <see cref="RewardChunk.Size"/> rewards when they fill a chunk. Each step lists the
/// documents not yet acknowledged (<see cref="Saved"/>), so a failed write is retried by the next step.
/// </summary>
public sealed partial class PolicyCoordinator
{
    private readonly List<(int Round, int Count)> _memoryRounds = [];
    private readonly List<MemoryChunk> _unsavedChunks = [];
    private readonly List<Transition> _unsavedPending = [];
    private readonly List<int> _evictedRounds = [];
    private readonly List<PendingKey> _releasedPending = [];
    private int _memorySkip;

    /// <summary>
    /// The coordinator as it was when <paramref name="record"/> was stored, its replay memory rebuilt from
    /// <paramref name="memory"/> (the chunks of <see cref="MemoryIndex.Rounds"/>, in order), its reward log from
    /// <paramref name="rewards"/> (chunks 0 … <see cref="RewardLogIndex.Chunks"/> − 1) and its pending transitions from
    /// <paramref name="pending"/> (those of <see cref="PendingKeys"/>). The pending transitions wait for their round
    /// from <paramref name="restoredAt"/> on: the round timeout counts only time this coordinator was up
    /// (<see cref="RoundBook.RestartClocks"/>).
    /// </summary>
    public static PolicyCoordinator Restore(CoordinatorRecord record, IReadOnlyList<MemoryChunk> memory, IReadOnlyList<RewardChunk> rewards,
        IReadOnlyList<Transition> pending, DateTimeOffset restoredAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(pending);
        if (!memory.Select(c => c.Round).SequenceEqual(record.Memory.Rounds))
        {
            throw new ArgumentException($"policy {record.PolicyId}: memory chunks of rounds [{string.Join(", ", memory.Select(c => c.Round))}] "
                + $"do not match the record's [{string.Join(", ", record.Memory.Rounds)}]", nameof(memory));
        }

        var full = pending.ToDictionary(t => (t.ChildId, t.Window));
        var book = record.Book with
        {
            Queues = [.. record.Book.Queues.Select(q => q with { Entries = [.. q.Entries.Select(e => e.Transition is { } stub
                ? e with { Transition = full.GetValueOrDefault((stub.ChildId, stub.Window))
                    ?? throw new ArgumentException($"policy {record.PolicyId}: the pending transition of {stub.ChildId} window {stub.Window} is missing", nameof(pending)) }
                : e)] })],
        };
        var restoredBook = new RoundBook(book);
        restoredBook.RestartClocks(restoredAt);
        var coordinator = new PolicyCoordinator(record.PolicyId, record.Settings, record.FeatureCount, restoredBook) { FromPolicy = record.FromPolicy };
        coordinator._learner.Restore(record.Learner with { Memory = [.. memory.SelectMany(c => c.Items).Skip(record.Memory.Skip)] });
        coordinator._memoryRounds.AddRange(memory.Select(c => (c.Round, c.Items.Length)));
        coordinator._memorySkip = record.Memory.Skip;
        coordinator._rewards = RewardLog.Restore(record.PolicyId, record.Rewards, rewards);
        coordinator._contributions = Contributions.Restore(record.Contributions);
        (coordinator._rounds, coordinator._updates, coordinator._discarded, coordinator._snapshotVersion) =
            (record.Rounds, record.Updates, record.Discarded, record.SnapshotVersion);
        return coordinator;
    }

    /// <summary>The pending transition documents <paramref name="record"/> refers to: the ones to read back.</summary>
    public static IEnumerable<PendingKey> PendingKeys(CoordinatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Book.Queues.SelectMany(q => q.Entries).Select(e => e.Transition).OfType<Transition>().Select(t => new PendingKey(t.ChildId, t.Window));
    }

    /// <summary>Acknowledges that <paramref name="writes"/> (a step's) are stored: later steps stop listing them.</summary>
    public void Saved(DocumentWrites writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var transition in writes.Pending)
        {
            _unsavedPending.Remove(transition);
        }

        foreach (var chunk in writes.Memory)
        {
            _unsavedChunks.Remove(chunk);
        }

        _rewards.Saved(writes.Rewards);
    }

    /// <summary>Every document the current record refers to: what forgetting the policy deletes.</summary>
    public DocumentDeletes AllDocuments() =>
        new([.. _book.Export().Queues.SelectMany(q => q.Entries).Select(e => e.Transition).OfType<Transition>().Select(t => new PendingKey(t.ChildId, t.Window))],
            [.. _memoryRounds.Select(r => r.Round)], [.. Enumerable.Range(0, _rewards.SealedChunks)]);

    // The record is exported before a snapshot is taken: the record that is stored still owes that snapshot, so a crash
    // before its file is written takes it again after the restart (a snapshot is written at least once).
    private CoordinatorStep Step(bool added, IReadOnlyList<ClosedRound> closed, bool? snapshotFinal, DateTimeOffset now)
    {
        var writes = new DocumentWrites([.. _unsavedPending], [.. _unsavedChunks], [.. _rewards.Unsaved]);
        var record = Export();
        var deletes = _evictedRounds.Count + _releasedPending.Count == 0
            ? DocumentDeletes.None
            : new DocumentDeletes([.. _releasedPending], [.. _evictedRounds], []);
        _evictedRounds.Clear();
        _releasedPending.Clear();
        var snapshot = snapshotFinal is { } final ? TakeSnapshot(final, now) : null;
        return new CoordinatorStep(added, closed, writes, record, deletes, snapshot, Idle);
    }

    private CoordinatorRecord Export()
    {
        var book = _book.Export();
        book = book with
        {
            Queues = [.. book.Queues.Select(q => q with { Entries = [.. q.Entries.Select(e => e.Transition is { } t ? e with { Transition = t with { States = [] } } : e)] })],
        };
        return new(PolicyId, Settings, FromPolicy, FeatureCount, _learner.Export() with { Memory = [] }, book, _rewards.Export(), _rounds, _updates,
            _discarded, _snapshotVersion, new MemoryIndex([.. _memoryRounds.Select(r => r.Round)], _memorySkip), _contributions.Export());
    }

    private void PendingAdded(Transition transition) => _unsavedPending.Add(transition);

    // A round took these transitions out of the book: a stored one's document can go, an unstored one needs none. A
    // learning round's transitions (with their advantages) become one memory chunk.
    private void RoundClosed(IReadOnlyList<Transition> round)
    {
        foreach (var transition in round)
        {
            if (!_unsavedPending.Remove(transition))
            {
                _releasedPending.Add(new PendingKey(transition.ChildId, transition.Window));
            }
        }

        if (Settings.Learning)
        {
            AddMemoryChunk(round.Count);
        }
    }

    // Chunks the memory no longer holds are evicted, exactly as ReplayMemory drops its oldest items.
    private void AddMemoryChunk(int added)
    {
        var capacity = Settings.ReplayCapacity;
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
