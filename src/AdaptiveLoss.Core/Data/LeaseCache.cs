namespace AdaptiveLoss.Core.Data;

/// <summary>
/// Shared, disposable values handed out as leases, so that a long-lived process does not keep everything it ever
/// loaded (docs/design.md §2: the children of a silo share one copy of their data). A value is loaded once per key by
/// its first user and shared by every lease on it. Once no lease holds it, it stays idle for the next user, until it has
/// been idle for <c>idleTime</c> or more than <c>maxIdle</c> others are idle and it is the oldest; then it is disposed.
/// The cache so holds the values in use plus at most <c>maxIdle</c> idle ones; idle times are checked whenever a lease
/// is taken or returned (no timer).
/// </summary>
/// <typeparam name="TKey">What tells two values apart.</typeparam>
/// <typeparam name="TValue">The value; the cache owns it and disposes it.</typeparam>
public sealed class LeaseCache<TKey, TValue>
    where TKey : notnull
    where TValue : class, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly int _maxIdle;
    private readonly TimeSpan _idleTime;
    private readonly TimeProvider _time;
    private long _idleOrder; // when each value became idle, in order: the oldest goes first

    /// <summary>A cache that keeps at most <paramref name="maxIdle"/> unused values, each for at most <paramref name="idleTime"/>.</summary>
    public LeaseCache(int maxIdle, TimeSpan idleTime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdle);
        ArgumentOutOfRangeException.ThrowIfLessThan(idleTime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        (_maxIdle, _idleTime, _time) = (maxIdle, idleTime, time);
    }

    /// <summary>Values loaded and not yet disposed (in use or idle).</summary>
    public int Count { get { lock (_gate) { return _entries.Count; } } }

    /// <summary>
    /// A lease on the value of <paramref name="key"/>, loaded by <paramref name="load"/> unless it is loaded already;
    /// concurrent first users wait for one load. A load that throws is not kept: the next user loads again.
    /// </summary>
    public Lease Acquire(TKey key, Func<TValue> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Entry entry;
        List<TValue> evicted;
        lock (_gate)
        {
            // Trim first: a value idle past its time is not handed out again.
            evicted = Trim();
            if (!_entries.TryGetValue(key, out entry!))
            {
                _entries[key] = entry = new Entry(new Lazy<TValue>(load, LazyThreadSafetyMode.ExecutionAndPublication));
            }

            entry.Users++;
        }

        DisposeAll(evicted);
        try
        {
            return new Lease(this, key, entry, entry.Value.Value);
        }
        catch
        {
            lock (_gate)
            {
                entry.Users--;
                if (_entries.TryGetValue(key, out var current) && current == entry)
                {
                    _entries.Remove(key);
                }
            }

            throw;
        }
    }

    private void Release(TKey key, Entry entry)
    {
        List<TValue> evicted;
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                entry.IdleSince = _time.GetUtcNow();
                entry.IdleOrder = ++_idleOrder;
            }

            evicted = Trim();
        }

        DisposeAll(evicted);
    }

    // Under _gate: the idle values past their time, then the oldest beyond maxIdle; disposed by the caller, outside the lock.
    private List<TValue> Trim()
    {
        var now = _time.GetUtcNow();
        var idle = _entries.Where(e => e.Value.Users == 0).OrderBy(e => e.Value.IdleOrder).ToList();
        var evict = idle.Where(e => now - e.Value.IdleSince >= _idleTime)
            .Concat(idle.Take(Math.Max(0, idle.Count - _maxIdle))).Distinct().ToList();
        foreach (var (key, _) in evict)
        {
            _entries.Remove(key);
        }

        return [.. evict.Select(e => e.Value.Value.Value)];
    }

    private static void DisposeAll(List<TValue> values)
    {
        foreach (var value in values)
        {
            value.Dispose();
        }
    }

    /// <summary>One user's hold on a shared value: dispose it (once) when done; the value itself belongs to the cache.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly LeaseCache<TKey, TValue> _cache;
        private readonly TKey _key;
        private readonly Entry _entry;
        private int _released;

        internal Lease(LeaseCache<TKey, TValue> cache, TKey key, Entry entry, TValue value)
        {
            (_cache, _key, _entry, Value) = (cache, key, entry, value);
        }

        /// <summary>The shared value: read it, never dispose it.</summary>
        public TValue Value { get; }

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _cache.Release(_key, _entry);
            }
        }
    }

    internal sealed class Entry(Lazy<TValue> value)
    {
        public Lazy<TValue> Value { get; } = value;

        public int Users { get; set; }

        public DateTimeOffset IdleSince { get; set; }

        public long IdleOrder { get; set; }
    }
}
