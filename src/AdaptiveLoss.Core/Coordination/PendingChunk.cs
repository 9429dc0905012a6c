using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// Pending transitions (reported, waiting for their round) stored together, once, by one commit (docs/durability.md,
/// "Group commit"): a round of n children costs a few documents instead of n. The record lists the chunks that still
/// hold a pending transition; a chunk goes when the last of its transitions has left the book.
/// </summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="Index">The chunk's number, never reused (<see cref="PendingIndex.Next"/>); <see cref="Legacy"/> for
/// transitions read from the one-document-per-transition layout of earlier versions.</param>
/// <param name="Items">The transitions, with their states.</param>
public sealed record PendingChunk(string PolicyId, int Index, Transition[] Items)
{
    /// <summary>The index of a chunk made of earlier versions' per-transition documents: written anew by the next commit.</summary>
    public const int Legacy = -1;
}

/// <summary>The pending chunks a record refers to, and the next chunk number (so a number is never reused).</summary>
public sealed record PendingIndex(int[] Chunks, int Next)
{
    /// <summary>No pending chunk yet.</summary>
    public static PendingIndex Empty { get; } = new([], 0);
}
