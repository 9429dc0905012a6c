using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AdaptiveLoss.Grains.Tests.Workers;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that announces each timer it creates with its due time, so a test advances fake
/// time exactly when the code under test has started waiting (no polling, no sleeps).
/// </summary>
internal sealed class TimerSignallingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Due times of the timers created so far, in creation order.</summary>
    public ChannelReader<TimeSpan> Timers => _timers.Reader;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Advances fake time past every wait <paramref name="blocked"/> starts until it completes, and returns the waits.
    /// </summary>
    public async Task<List<TimeSpan>> DriveAsync(Task blocked)
    {
        var waits = new List<TimeSpan>();
        while (true)
        {
            var next = Timers.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(blocked, next).WaitAsync(TimeSpan.FromSeconds(30)) == blocked && !Timers.TryPeek(out _))
            {
                return waits;
            }

            if (Timers.TryRead(out var due))
            {
                waits.Add(due);
                Advance(due);
            }
        }
    }
}
