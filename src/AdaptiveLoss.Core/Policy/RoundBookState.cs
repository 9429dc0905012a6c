namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// A <see cref="RoundBook"/> as data (docs/durability.md): the live children, each child's queue in arrival order (a null
/// transition is a skip), every (child, window) ever queued, and the rounds taken. Restored, the book closes the same
/// rounds and still refuses a window it saw before the restart.
/// </summary>
public sealed record RoundBookState(string[] Live, RoundBookState.ChildQueue[] Queues, RoundBookState.ChildWindows[] Seen, int Rounds)
{
    /// <summary>A child's pending entries, oldest first; children in first-seen order.</summary>
    public sealed record ChildQueue(string ChildId, PendingEntry[] Entries);

    /// <summary>A pending transition (or, when <see cref="Transition"/> is null, a discarded window's skip).</summary>
    public sealed record PendingEntry(Transition? Transition, DateTimeOffset ReceivedAt);

    /// <summary>The windows of one child that the book has seen, ascending.</summary>
    public sealed record ChildWindows(string ChildId, int[] Windows);
}
