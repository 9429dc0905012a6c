using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// The transitions one policy round added to the replay memory, with their advantages (docs/design.md §1.4), stored once as their
/// own document. The coordinator's record lists the rounds whose chunks make up its memory, so a report rewrites a few
/// kilobytes of record instead of the whole memory (up to 1,000 transitions × groups × features).
/// </summary>
public sealed record MemoryChunk(string PolicyId, int Round, ScoredTransition[] Items);

/// <summary>
/// Which chunks hold the replay memory, oldest first: the memory is the concatenation of <paramref name="Rounds"/>'
/// chunks without the first <paramref name="Skip"/> items (evicted when the memory was full).
/// </summary>
public sealed record MemoryIndex(int[] Rounds, int Skip)
{
    /// <summary>An empty memory.</summary>
    public static MemoryIndex Empty { get; } = new([], 0);
}

/// <summary>
/// <see cref="Size"/> consecutive entries of the reward log, number <paramref name="Index"/> (0-based), stored once
/// as their own document when the log's open tail fills up: a report appends to the tail instead of rewriting the log.
/// </summary>
public sealed record RewardChunk(string PolicyId, int Index, RoundReward[] Items)
{
    /// <summary>Entries per chunk (~25 KB of JSON): the record's tail never holds more than this minus one.</summary>
    public const int Size = 256;
}

/// <summary>A pending transition's document key: the window of a child.</summary>
public sealed record PendingKey(string ChildId, int Window);

/// <summary>
/// Write-once documents to store before the record that refers to them (docs/durability.md): pending transitions,
/// replay-memory chunks and sealed reward-log chunks.
/// </summary>
public sealed record DocumentWrites(IReadOnlyList<Transition> Pending, IReadOnlyList<MemoryChunk> Memory, IReadOnlyList<RewardChunk> Rewards)
{
    /// <summary>Nothing to write.</summary>
    public static DocumentWrites None { get; } = new([], [], []);
}

/// <summary>Documents the stored record no longer refers to: deletable once it is stored (a failed delete only leaves an orphan).</summary>
public sealed record DocumentDeletes(IReadOnlyList<PendingKey> Pending, IReadOnlyList<int> MemoryRounds, IReadOnlyList<int> RewardChunks)
{
    /// <summary>Nothing to delete.</summary>
    public static DocumentDeletes None { get; } = new([], [], []);
}
