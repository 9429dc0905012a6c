namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// Round bookkeeping of the coordinator (spec §1.6): children never wait for each other; a round is one transition
/// from every live child, or whatever is pending when the round times out. A late transition joins the next round;
/// nothing is dropped or counted twice. Pure: time is passed in.
/// </summary>
public sealed class RoundBook
{
    /// <summary>An empty book.</summary>
    public RoundBook() => throw new NotImplementedException();

    /// <summary>Children whose transitions are awaited.</summary>
    public IReadOnlyCollection<string> LiveChildren => throw new NotImplementedException();

    /// <summary>Transitions waiting for a round.</summary>
    public int PendingCount => throw new NotImplementedException();

    /// <summary>Rounds taken so far.</summary>
    public int Rounds => throw new NotImplementedException();

    /// <summary>Starts awaiting transitions from <paramref name="childId"/>.</summary>
    public void Join(string childId) => throw new NotImplementedException();

    /// <summary>Stops awaiting <paramref name="childId"/> (finished or failed); its pending transitions stay queued.</summary>
    public void Leave(string childId) => throw new NotImplementedException();

    /// <summary>Queues a transition received at <paramref name="now"/>; a duplicate (same child and window) is ignored and returns false.</summary>
    public bool Add(Transition transition, DateTimeOffset now) => throw new NotImplementedException();

    /// <summary>
    /// Fills the child's slot for <paramref name="window"/> without a transition (a guard discarded it, spec §1.7), so
    /// the round does not wait for it; returns false for a duplicate.
    /// </summary>
    public bool AddSkip(string childId, int window, DateTimeOffset now) => throw new NotImplementedException();

    /// <summary>True when every live child has a pending transition, or no child is live and some are pending.</summary>
    public bool IsComplete => throw new NotImplementedException();

    /// <summary>True when a transition has waited at least <paramref name="timeout"/> at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now, TimeSpan timeout) => throw new NotImplementedException();

    /// <summary>Takes the round: the oldest pending entry of each child that has one; skips fill a slot but are not returned.</summary>
    public IReadOnlyList<Transition> TakeRound() => throw new NotImplementedException();
}
