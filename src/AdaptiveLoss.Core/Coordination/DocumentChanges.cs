namespace AdaptiveLoss.Core.Coordination;

/// <summary>A pending transition's document key in the per-transition layout of earlier versions: the window of a child.</summary>
public sealed record PendingKey(string ChildId, int Window);

/// <summary>
/// Write-once documents to store before the record that refers to them (docs/durability.md): pending-transition chunks,
/// replay-memory chunks and sealed reward-log chunks.
/// </summary>
public sealed record DocumentWrites(IReadOnlyList<PendingChunk> Pending, IReadOnlyList<MemoryChunk> Memory, IReadOnlyList<RewardChunk> Rewards)
{
    /// <summary>Nothing to write.</summary>
    public static DocumentWrites None { get; } = new([], [], []);
}

/// <summary>Documents the stored record no longer refers to: deletable once it is stored (a failed delete only leaves an orphan).</summary>
public sealed record DocumentDeletes(IReadOnlyList<int> Pending, IReadOnlyList<int> MemoryRounds, IReadOnlyList<int> RewardChunks)
{
    /// <summary>Nothing to delete.</summary>
    public static DocumentDeletes None { get; } = new([], [], []);
}
