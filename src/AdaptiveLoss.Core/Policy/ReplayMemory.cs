namespace AdaptiveLoss.Core.Policy;

/// <summary>A bounded FIFO of past items (docs/design.md §1.4: the last 1,000 transitions); the oldest is dropped when full.</summary>
public sealed class ReplayMemory<T>
{
    private readonly T[] _buffer;
    private int _start;
    private int _count;

    /// <summary>Memory holding at most <paramref name="capacity"/> items (0 = keeps nothing).</summary>
    public ReplayMemory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _buffer = new T[capacity];
    }

    /// <summary>Memory of <paramref name="capacity"/> refilled with <paramref name="items"/>, oldest first (restore from a checkpoint).</summary>
    public ReplayMemory(int capacity, IEnumerable<T> items)
        : this(capacity)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Capacity.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Items held.</summary>
    public int Count => _count;

    /// <summary>Adds an item, evicting the oldest when full.</summary>
    public void Add(T item)
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        if (_count < _buffer.Length)
        {
            _buffer[(_start + _count) % _buffer.Length] = item;
            _count++;
            return;
        }

        // Full: the slot of the oldest item takes the new one, and the start moves on.
        _buffer[_start] = item;
        _start = (_start + 1) % _buffer.Length;
    }

    /// <summary>Drops every item.</summary>
    public void Clear()
    {
        Array.Clear(_buffer);
        (_start, _count) = (0, 0);
    }

    /// <summary>min(k, Count) distinct items drawn uniformly without replacement.</summary>
    public IReadOnlyList<T> Sample(int k, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentNullException.ThrowIfNull(random);
        var take = Math.Min(k, _count);
        if (take == 0)
        {
            return [];
        }

        // Partial Fisher–Yates over the positions: the first `take` slots end up a uniform sample.
        var positions = new int[_count];
        for (var i = 0; i < _count; i++)
        {
            positions[i] = i;
        }

        var result = new T[take];
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, _count);
            (positions[i], positions[j]) = (positions[j], positions[i]);
            result[i] = At(positions[i]);
        }

        return result;
    }

    /// <summary>The items, oldest first.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            var result = new T[_count];
            for (var i = 0; i < _count; i++)
            {
                result[i] = At(i);
            }

            return result;
        }
    }

    private T At(int position) => _buffer[(_start + position) % _buffer.Length];
}
