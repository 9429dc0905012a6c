using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Placement;

/// <summary>
/// <see cref="ISiloSlotsGrain"/>: the silo's <see cref="TrainingWorker"/> counts (running + queued) plus the children
/// placed here whose start has not reached the worker yet, so that a burst of placements sees each other.
/// </summary>
[SiloTargetPlacement]
public sealed class SiloSlotsGrain(TrainingWorker worker, IOptions<TrainingOptions> options, TimeProvider time) : Grain, ISiloSlotsGrain
{
    /// <summary>How long a reservation counts without its child reaching the worker (a start that never came).</summary>
    private static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, DateTimeOffset> _reserved = [];

    /// <inheritdoc/>
    public Task<SiloSlots> GetAsync() => Task.FromResult(Current());

    /// <inheritdoc/>
    public Task<SiloSlots> ReserveAsync(string childId)
    {
        _reserved[childId] = time.GetUtcNow();
        return Task.FromResult(Current());
    }

    private SiloSlots Current()
    {
        var now = time.GetUtcNow();
        foreach (var (childId, at) in _reserved.ToArray())
        {
            if (worker.Holds(childId) || now - at > ReservationLifetime)
            {
                _reserved.Remove(childId);
            }
        }

        var settings = options.Value;
        return new SiloSlots(Math.Max(0, settings.MaxConcurrentChildren), worker.RunningCount + worker.QueuedCount + _reserved.Count, settings.Device);
    }
}
