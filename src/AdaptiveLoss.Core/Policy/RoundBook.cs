namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// Round bookkeeping of the coordinator (docs/design.md §1.6): children never wait for each other; a round is one transition
/// from every live child, or whatever is pending when the round times out. A late transition joins the next round;
/// nothing is dropped or counted twice. Pure: time is passed in. Not thread-safe (the coordinator grain is not).
/// </summary>
public sealed class RoundBook
{
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Entry>> _pending = new(StringComparer.Ordinal);
    // Children in first-seen order, so rounds list their transitions in a stable order.
    private readonly List<string> _children = [];
    // Every (child, window) ever queued: a window taken in an earlier round is still a duplicate.
    private readonly HashSet<(string ChildId, int Window)> _seen = [];
    // Live children with nothing pending: a round is complete when none is left, checked in O(1) per report (a round
    // of n children would otherwise cost n² checks).
    private int _awaited;

    /// <summary>An empty book.</summary>
    public RoundBook()
    {
    }

    /// <summary>A book continuing from <paramref name="state"/> (from <see cref="Export"/>).</summary>
    public RoundBook(RoundBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(state.Rounds);
        foreach (var queue in state.Queues)
        {
            var entries = QueueOf(queue.ChildId);
            foreach (var entry in queue.Entries)
            {
                entries.Enqueue(new Entry(entry.Transition, entry.ReceivedAt));
                PendingEntries++;
                PendingCount += entry.Transition is null ? 0 : 1;
            }
        }

        foreach (var child in state.Seen)
        {
            foreach (var window in child.Windows)
            {
                _seen.Add((child.ChildId, window));
            }
        }

        foreach (var childId in state.Live)
        {
            Join(childId);
        }

        Rounds = state.Rounds;
    }

    /// <summary>The book as data, for the coordinator's storage (docs/durability.md).</summary>
    public RoundBookState Export() => new(
        [.. _live.Order(StringComparer.Ordinal)],
        [.. _children.Select(child => new RoundBookState.ChildQueue(child,
            [.. _pending[child].Select(entry => new RoundBookState.PendingEntry(entry.Transition, entry.ReceivedAt))]))],
        [.. _seen.GroupBy(seen => seen.ChildId, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new RoundBookState.ChildWindows(group.Key, [.. group.Select(seen => seen.Window).Order()]))],
        Rounds);

    /// <summary>Children whose transitions are awaited.</summary>
    public IReadOnlyCollection<string> LiveChildren => _live;

    /// <summary>Transitions waiting for a round (skips not counted).</summary>
    public int PendingCount { get; private set; }

    /// <summary>Entries waiting for a round: transitions and skips.</summary>
    public int PendingEntries { get; private set; }

    /// <summary>Rounds taken so far (a round that held only skips is not counted).</summary>
    public int Rounds { get; private set; }

    /// <summary>Starts awaiting transitions from <paramref name="childId"/>.</summary>
    public void Join(string childId)
    {
        ArgumentException.ThrowIfNullOrEmpty(childId);
        if (_live.Add(childId) && QueueOf(childId).Count == 0)
        {
            _awaited++;
        }
    }

    /// <summary>
    /// Starts awaiting a child that counts its windows from 0 again: a new run of the same experiment id on a policy
    /// that outlived the first run (<c>--share-policy</c>). Its earlier windows stop being duplicates; a child that is
    /// still live keeps them (that is a re-sent join, not a new run).
    /// </summary>
    public void JoinAfresh(string childId)
    {
        ArgumentException.ThrowIfNullOrEmpty(childId);
        if (!_live.Contains(childId))
        {
            _seen.RemoveWhere(seen => seen.ChildId == childId);
        }

        Join(childId);
    }

    /// <summary>Stops awaiting <paramref name="childId"/> (finished or failed); its pending transitions stay queued.</summary>
    public void Leave(string childId)
    {
        ArgumentException.ThrowIfNullOrEmpty(childId);
        if (_live.Remove(childId) && _pending[childId].Count == 0)
        {
            _awaited--;
        }
    }

    /// <summary>Queues a transition received at <paramref name="now"/>; a duplicate (same child and window) is ignored and returns false.</summary>
    public bool Add(Transition transition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return Enqueue(transition.ChildId, transition.Window, transition, now);
    }

    /// <summary>
    /// Fills the child's slot for <paramref name="window"/> without a transition (a guard discarded it, docs/design.md §1.7), so
    /// the round does not wait for it; returns false for a duplicate.
    /// </summary>
    public bool AddSkip(string childId, int window, DateTimeOffset now) => Enqueue(childId, window, null, now);

    /// <summary>True when every live child has a pending transition, or no child is live and some are pending.</summary>
    public bool IsComplete => PendingEntries > 0 && _awaited == 0;

    /// <summary>True when a transition has waited at least <paramref name="timeout"/> at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now, TimeSpan timeout)
    {
        foreach (var queue in _pending.Values)
        {
            // Each queue is in arrival order, so its head is its oldest entry.
            if (queue.Count > 0 && now - queue.Peek().ReceivedAt >= timeout)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Restarts every pending entry's wait at <paramref name="now"/>, keeping the queues' order: called when a stored
    /// book comes back after its process was down (docs/durability.md, "The round timeout after a restart"). The stored
    /// instants are wall-clock times; the downtime between them and the restart is not waiting for a child (the children
    /// were down too and resume from their checkpoints), so counting it would close a round with whatever happened to be
    /// pending the moment the coordinator is activated again.
    /// </summary>
    public void RestartClocks(DateTimeOffset now)
    {
        foreach (var queue in _pending.Values)
        {
            var entries = queue.ToArray();
            queue.Clear();
            foreach (var entry in entries)
            {
                queue.Enqueue(entry with { ReceivedAt = now });
            }
        }
    }

    /// <summary>Takes the round: the oldest pending entry of each child that has one; skips fill a slot but are not returned.</summary>
    public IReadOnlyList<Transition> TakeRound()
    {
        var round = new List<Transition>();
        foreach (var child in _children)
        {
            var queue = _pending[child];
            if (queue.Count == 0)
            {
                continue;
            }

            var entry = queue.Dequeue();
            PendingEntries--;
            if (queue.Count == 0 && _live.Contains(child))
            {
                _awaited++;
            }

            if (entry.Transition is not null)
            {
                PendingCount--;
                round.Add(entry.Transition);
            }
        }

        if (round.Count > 0)
        {
            Rounds++;
        }

        return round;
    }

    private bool Enqueue(string childId, int window, Transition? transition, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(childId);
        if (!_seen.Add((childId, window)))
        {
            return false;
        }

        var queue = QueueOf(childId);
        if (queue.Count == 0 && _live.Contains(childId))
        {
            _awaited--;
        }

        queue.Enqueue(new Entry(transition, now));
        PendingEntries++;
        PendingCount += transition is null ? 0 : 1;
        return true;
    }

    private Queue<Entry> QueueOf(string childId)
    {
        if (!_pending.TryGetValue(childId, out var queue))
        {
            queue = new Queue<Entry>();
            _pending[childId] = queue;
            _children.Add(childId);
        }

        return queue;
    }

    private readonly record struct Entry(Transition? Transition, DateTimeOffset ReceivedAt);
}
