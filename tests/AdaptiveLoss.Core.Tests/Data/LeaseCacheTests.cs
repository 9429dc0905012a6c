using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

/// <summary>The lease cache's policy, exactly: shared while leased, kept while idle within its bounds, disposed after.</summary>
public sealed class LeaseCacheTests
{
    private static readonly TimeSpan IdleTime = TimeSpan.FromMinutes(10);
    private readonly ManualClock _clock = new();
    private readonly List<string> _loads = [];

    [Fact]
    public void Acquire_SameKeyTwice_OneLoadOneSharedValue()
    {
        var cache = Cache(maxIdle: 1);

        using var first = cache.Acquire("a", Load("a"));
        using var second = cache.Acquire("a", Load("a"));

        Assert.Same(first.Value, second.Value);
        Assert.Equal(["a"], _loads);
    }

    [Fact]
    public void Release_LastLease_KeptIdleThenReused()
    {
        var cache = Cache(maxIdle: 1);
        var first = cache.Acquire("a", Load("a"));
        var value = first.Value;
        first.Dispose();
        first.Dispose(); // a lease returned twice counts once

        using var again = cache.Acquire("a", Load("a"));

        Assert.Same(value, again.Value);
        Assert.False(value.Disposed);
        Assert.Equal(["a"], _loads);
    }

    [Fact]
    public void Release_MoreIdleThanMaxIdle_TheOldestIdleDisposed()
    {
        var cache = Cache(maxIdle: 1);
        var a = cache.Acquire("a", Load("a"));
        var b = cache.Acquire("b", Load("b"));
        var (valueA, valueB) = (a.Value, b.Value);

        a.Dispose();
        Assert.False(valueA.Disposed);
        b.Dispose();

        Assert.Equal((true, false, 1), (valueA.Disposed, valueB.Disposed, cache.Count));
        using var reloaded = cache.Acquire("a", Load("a"));
        Assert.NotSame(valueA, reloaded.Value);
        Assert.Equal(["a", "b", "a"], _loads);
        Assert.Equal((false, 2), (valueB.Disposed, cache.Count)); // a in use again, b the one idle value kept
    }

    [Fact]
    public void Acquire_AfterIdleTime_TheIdleValueDisposedAndLoadedAgain()
    {
        var cache = Cache(maxIdle: 5);
        var lease = cache.Acquire("a", Load("a"));
        var value = lease.Value;
        lease.Dispose();

        _clock.Advance(IdleTime - TimeSpan.FromSeconds(1));
        cache.Acquire("b", Load("b")).Dispose();
        Assert.False(value.Disposed);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var again = cache.Acquire("a", Load("a"));

        Assert.True(value.Disposed);
        Assert.NotSame(value, again.Value);
        Assert.Equal(["a", "b", "a"], _loads);
    }

    [Fact]
    public void MaxIdleZero_LastRelease_DisposedAtOnceWhileLeasedOnesStay()
    {
        var cache = Cache(maxIdle: 0);
        var first = cache.Acquire("a", Load("a"));
        var second = cache.Acquire("a", Load("a"));

        first.Dispose();
        Assert.False(second.Value.Disposed);
        second.Dispose();

        Assert.Equal((true, 0), (second.Value.Disposed, cache.Count));
    }

    [Fact]
    public void Acquire_LoadThrows_NotKeptTheNextUserLoadsAgain()
    {
        var cache = Cache(maxIdle: 1);

        Assert.Throws<InvalidOperationException>(() => cache.Acquire("a", () => throw new InvalidOperationException("bad file")));
        using var lease = cache.Acquire("a", Load("a"));

        Assert.Equal(["a"], _loads);
        Assert.Equal(1, cache.Count);
    }

    private LeaseCache<string, Value> Cache(int maxIdle) => new(maxIdle, IdleTime, _clock);

    private Func<Value> Load(string key) => () =>
    {
        _loads.Add(key);
        return new Value();
    };

    internal sealed class Value : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
