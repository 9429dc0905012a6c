namespace AdaptiveLoss.Core.Policy;

/// <summary>A bounded FIFO of past items (spec §1.4: the last 1,000 transitions); the oldest is dropped when full.</summary>
public sealed class ReplayMemory<T>
{
    /// <summary>Memory holding at most <paramref name="capacity"/> items (0 = keeps nothing).</summary>
    public ReplayMemory(int capacity) => throw new NotImplementedException();

    /// <summary>Capacity.</summary>
    public int Capacity => throw new NotImplementedException();

    /// <summary>Items held.</summary>
    public int Count => throw new NotImplementedException();

    /// <summary>Adds an item, evicting the oldest when full.</summary>
    public void Add(T item) => throw new NotImplementedException();

    /// <summary>min(k, Count) distinct items drawn uniformly without replacement.</summary>
    public IReadOnlyList<T> Sample(int k, Random random) => throw new NotImplementedException();

    /// <summary>The items, oldest first.</summary>
    public IReadOnlyList<T> Items => throw new NotImplementedException();
}
