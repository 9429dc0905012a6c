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
