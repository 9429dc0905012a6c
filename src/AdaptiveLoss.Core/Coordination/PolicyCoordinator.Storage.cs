using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// How a <see cref="PolicyCoordinator"/> is stored (docs/durability.md). The record (<see cref="CoordinatorRecord"/>) is written
/// after every change and stays bounded: weights, Adam, baseline, counters, the reward log's open tail and the round
/// book, with a pending transition only as a stub (no states) and the replay memory only as a list of rounds. The rest
/// lives in documents written once each: a pending transition when it is reported, the transitions a round added to the
/// memory when it closes, every <see cref="RewardChunk.Size"/> rewards when they fill a chunk. Each commit lists the
/// documents not yet acknowledged (<see cref="Saved"/>), so a failed write is retried by the next commit. Building a
/// commit costs time in proportion to the live children (the book's stubs), so a host builds one per store, not one
/// per report (<see cref="Commit"/>).
/// </summary>
public sealed partial class PolicyCoordinator
{
    private readonly List<(int Round, int Count)> _memoryRounds = [];
    private readonly List<MemoryChunk> _unsavedChunks = [];
    // Pending transitions not yet in a chunk; those in one, with the chunk; each live chunk's transitions still pending.
    // Sets and maps, not lists: between two stores of a large population thousands are outstanding.
    private readonly HashSet<Transition> _unlisted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Transition, int> _chunkOf = new(ReferenceEqualityComparer.Instance);
    private readonly SortedDictionary<int, int> _chunkPending = [];
    private readonly List<PendingChunk> _unsavedPending = [];
    private readonly HashSet<int> _releasedChunks = [];
    private readonly HashSet<int> _evictedRounds = [];
    private int _nextChunk;
    private int _memorySkip;

    /// <summary>
    /// The coordinator as it was when <paramref name="record"/> was stored, its replay memory rebuilt from
    /// <paramref name="memory"/> (the chunks of <see cref="MemoryIndex.Rounds"/>, in order), its reward log from
    /// <paramref name="rewards"/> (chunks 0 … <see cref="RewardLogIndex.Chunks"/> − 1) and its pending transitions from
    /// <paramref name="pending"/> (the chunks of <see cref="PendingIndex.Chunks"/>, or for a record of an earlier version
    /// one <see cref="PendingChunk.Legacy"/> chunk of the documents of <see cref="PendingKeys"/>). The pending transitions wait for their round
    /// from <paramref name="restoredAt"/> on: the round timeout counts only time this coordinator was up
    /// (<see cref="RoundBook.RestartClocks"/>).
    /// </summary>
    public static PolicyCoordinator Restore(CoordinatorRecord record, IReadOnlyList<MemoryChunk> memory, IReadOnlyList<RewardChunk> rewards,
        IReadOnlyList<PendingChunk> pending, DateTimeOffset restoredAt)
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

        var expected = record.Pending?.Chunks ?? [PendingChunk.Legacy];
        if (!pending.Select(c => c.Index).Order().SequenceEqual(expected.Order()))
        {
            throw new ArgumentException($"policy {record.PolicyId}: pending chunks [{string.Join(", ", pending.Select(c => c.Index))}] "
                + $"do not match the record's [{string.Join(", ", expected)}]", nameof(pending));
        }

        // A chunk may still hold transitions a round has taken since (it goes only when all of its have): the book decides.
        var full = new Dictionary<(string, int), (Transition Transition, int Chunk)>();
        foreach (var chunk in pending)
        {
            foreach (var transition in chunk.Items)
            {
                full[(transition.ChildId, transition.Window)] = (transition, chunk.Index);
            }
        }

        var chunkOf = new List<(Transition, int)>();
        var book = record.Book with
        {
            Queues = [.. record.Book.Queues.Select(q => q with { Entries = [.. q.Entries.Select(e => e.Transition is { } stub
                ? e with { Transition = Found(full, stub, chunkOf, record.PolicyId) }
                : e)] })],
        };
        var restoredBook = new RoundBook(book);
        restoredBook.RestartClocks(restoredAt);
        var coordinator = new PolicyCoordinator(record.PolicyId, record.Settings, record.FeatureCount, restoredBook) { FromPolicy = record.FromPolicy };
        coordinator._learner.Restore(record.Learner with { Memory = [.. memory.SelectMany(c => c.Items).Skip(record.Memory.Skip)] });
        coordinator._memoryRounds.AddRange(memory.Select(c => (c.Round, c.Items.Length)));
        coordinator._memorySkip = record.Memory.Skip;
        coordinator._nextChunk = record.Pending?.Next ?? 0;
        foreach (var (transition, chunk) in chunkOf)
        {
            if (chunk == PendingChunk.Legacy)
            {
                coordinator._unlisted.Add(transition);
            }
            else
            {
                coordinator._chunkOf[transition] = chunk;
                coordinator._chunkPending[chunk] = coordinator._chunkPending.GetValueOrDefault(chunk) + 1;
            }
        }

        // A listed chunk none of whose transitions is pending any more was due to go: it goes with the next commit.
        coordinator._releasedChunks.UnionWith(expected.Where(c => c != PendingChunk.Legacy && !coordinator._chunkPending.ContainsKey(c)));
        coordinator._rewards = RewardLog.Restore(record.PolicyId, record.Rewards, rewards);
        coordinator._contributions = Contributions.Restore(record.Contributions);
        (coordinator._rounds, coordinator._updates, coordinator._discarded, coordinator._snapshotVersion) =
            (record.Rounds, record.Updates, record.Discarded, record.SnapshotVersion);
        return coordinator;
    }

    /// <summary>The per-transition pending documents a record of an earlier version (no <see cref="CoordinatorRecord.Pending"/>) refers to.</summary>
    public static IEnumerable<PendingKey> PendingKeys(CoordinatorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Book.Queues.SelectMany(q => q.Entries).Select(e => e.Transition).OfType<Transition>().Select(t => new PendingKey(t.ChildId, t.Window));
    }

    /// <summary>
    /// Acknowledges that <paramref name="commit"/> is stored and its deletions done (or given up: a failed delete only
    /// leaves an orphan): later commits stop listing them.
    /// </summary>
    public void Saved(CoordinatorCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var written = commit.Write.Pending.Select(c => c.Index).ToHashSet();
        _unsavedPending.RemoveAll(c => written.Contains(c.Index));
        foreach (var chunk in commit.Write.Memory)
        {
            _unsavedChunks.Remove(chunk);
        }

        _rewards.Saved(commit.Write.Rewards);
        _releasedChunks.ExceptWith(commit.Delete.Pending);
        _evictedRounds.ExceptWith(commit.Delete.MemoryRounds);
    }

    /// <summary>
    /// What to store now for everything done so far: the transitions reported since the last commit as one new pending
    /// chunk, every document not yet acknowledged, the record, the deletions. Its cost grows with the live children (the
    /// book's stubs), so a host commits once per store, not once per report.
    /// </summary>
    public CoordinatorCommit Commit()
    {
        if (_unlisted.Count > 0)
        {
            var chunk = new PendingChunk(PolicyId, _nextChunk++, [.. _unlisted]);
            foreach (var transition in chunk.Items)
            {
                _chunkOf[transition] = chunk.Index;
            }

            _chunkPending[chunk.Index] = chunk.Items.Length;
            _unsavedPending.Add(chunk);
            _unlisted.Clear();
        }

        return new(
            new DocumentWrites([.. _unsavedPending], [.. _unsavedChunks], [.. _rewards.Unsaved]),
            Export(),
            _evictedRounds.Count + _releasedChunks.Count == 0 ? DocumentDeletes.None : new DocumentDeletes([.. _releasedChunks], [.. _evictedRounds], []));
    }

    /// <summary>Every document the current record refers to, or a commit may have written: what forgetting the policy deletes.</summary>
    public DocumentDeletes AllDocuments() =>
        new([.. _chunkPending.Keys.Concat(_releasedChunks).Concat(_unsavedPending.Select(c => c.Index)).Distinct()],
            [.. _memoryRounds.Select(r => r.Round)], [.. Enumerable.Range(0, _rewards.SealedChunks)]);

    // A snapshot is taken with the step; the host saves it before it stores the next commit (CoordinatorStep).
    private CoordinatorStep Step(bool added, IReadOnlyList<ClosedRound> closed, bool? snapshotFinal, DateTimeOffset now) =>
        new(added, closed, snapshotFinal is { } final ? TakeSnapshot(final, now) : null, Idle);

    private static Transition Found(Dictionary<(string, int), (Transition Transition, int Chunk)> full, Transition stub,
        List<(Transition, int)> chunkOf, string policyId)
    {
        if (!full.TryGetValue((stub.ChildId, stub.Window), out var found))
        {
            throw new ArgumentException($"policy {policyId}: the pending transition of {stub.ChildId} window {stub.Window} is missing", "pending");
        }

        chunkOf.Add(found);
        return found.Transition;
    }

    private CoordinatorRecord Export()
    {
        var book = _book.Export();
        book = book with
        {
            Queues = [.. book.Queues.Select(q => q with { Entries = [.. q.Entries.Select(e => e.Transition is { } t ? e with { Transition = t with { States = [], Actions = [], GroupRewards = null } } : e)] })],
        };
        return new(PolicyId, Settings, FromPolicy, FeatureCount, _learner.Export() with { Memory = [] }, book, _rewards.Export(), _rounds, _updates,
            _discarded, _snapshotVersion, new MemoryIndex([.. _memoryRounds.Select(r => r.Round)], _memorySkip), _contributions.Export(),
            new PendingIndex([.. _chunkPending.Keys], _nextChunk));
    }

    private void PendingAdded(Transition transition) => _unlisted.Add(transition);

    // A round took these transitions out of the book: one never listed in a chunk was never written; a chunk goes when
    // its last transition has left (deleted by the next commit, after a record that no longer lists it, and after any
    // store still writing it: stores run one at a time). A learning round's transitions (with their advantages) become
    // one memory chunk.
    private void RoundClosed(IReadOnlyList<Transition> round)
    {
        foreach (var transition in round)
        {
            if (_unlisted.Remove(transition) || !_chunkOf.Remove(transition, out var chunk))
            {
                continue;
            }

            if (--_chunkPending[chunk] == 0)
            {
                _chunkPending.Remove(chunk);
                _unsavedPending.RemoveAll(c => c.Index == chunk);
                _releasedChunks.Add(chunk);
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
