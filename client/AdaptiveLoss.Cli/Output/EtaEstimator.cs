namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// Time left per child from its observed rate of progress: iterations gained between the first and the latest
/// observation over the time between them (so validation passes and waits are counted, unlike img/s), applied to
/// the iterations left, minus the time already gone since the latest window. Times are from a monotonic clock.
/// </summary>
internal sealed class EtaEstimator
{
    private readonly Dictionary<string, Observation> _children = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="childId"/> had done <paramref name="iteration"/> iterations at <paramref name="now"/>.</summary>
    /// <remarks>The first call fixes the origin; later calls count only when the iteration grew (a repeated poll of the
    /// same window does not move the latest observation forward in time).</remarks>
    public void Observe(string childId, long iteration, TimeSpan now)
    {
        if (!_children.TryGetValue(childId, out var seen))
        {
            _children[childId] = new Observation(now, iteration, now, iteration);
        }
        else if (iteration > seen.LastIteration)
        {
            _children[childId] = seen with { LastTime = now, LastIteration = iteration };
        }
    }

    /// <summary>The time left of <paramref name="childId"/>; null before two distinct observations.</summary>
    public TimeSpan? Eta(string childId, long totalIterations, TimeSpan now) =>
        _children.TryGetValue(childId, out var o)
            ? Estimate(o.FirstTime, o.FirstIteration, o.LastTime, o.LastIteration, totalIterations, now)
            : null;

    /// <summary>
    /// (total − last) / rate − (now − lastTime), never below zero, with rate = (last − first) / (lastTime − firstTime)
    /// iterations per second; null when no progress was observed over a positive time.
    /// </summary>
    public static TimeSpan? Estimate(TimeSpan firstTime, long firstIteration, TimeSpan lastTime, long lastIteration, long totalIterations, TimeSpan now)
    {
        var seconds = (lastTime - firstTime).TotalSeconds;
        if (lastIteration <= firstIteration || seconds <= 0)
        {
            return null;
        }

        var rate = (lastIteration - firstIteration) / seconds;
        var left = (Math.Max(0, totalIterations - lastIteration) / rate) - (now - lastTime).TotalSeconds;
        return TimeSpan.FromSeconds(Math.Max(0, left));
    }

    /// <summary>A duration as the bars show it: "m:ss" below an hour, "h:mm:ss" above, rounded up to the second.</summary>
    public static string Format(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "--:--";
        }

        var seconds = (long)Math.Ceiling(Math.Max(0, d.TotalSeconds));
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0 ? $"{h}:{m:00}:{s:00}" : $"{m}:{s:00}";
    }

    private sealed record Observation(TimeSpan FirstTime, long FirstIteration, TimeSpan LastTime, long LastIteration);
}
