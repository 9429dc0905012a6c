using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace AdaptiveLoss.Grains.Placement;

/// <summary>
/// The director of <see cref="SlotPlacement"/>. It asks every compatible silo's <see cref="ISiloSlotsGrain"/> (a silo
/// that does not answer within <see cref="QueryTimeout"/>, e.g. one just killed, is left out), picks the best and
/// reserves a slot there. One placement at a time per placing silo, so a burst of children (the experiment grain starts
/// them together) spreads instead of piling onto the silo that looked emptiest to all of them.
/// </summary>
internal sealed class SlotPlacementDirector(IGrainFactory grains) : IPlacementDirector
{
    /// <summary>How long one silo's board may take to answer.</summary>
    internal static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 1)
        {
            return silos[0];
        }

        var device = target.RequestContextData?.GetValueOrDefault(SlotPlacement.DeviceKey) as string;
        var childId = target.GrainIdentity.Key.ToString()!;
        await _one.WaitAsync();
        try
        {
            var boards = await Task.WhenAll(silos.Select(s => AskAsync(s)));
            var answered = boards.Where(b => b.Slots is not null).ToArray();
            if (answered.Length == 0)
            {
                return silos[Random.Shared.Next(silos.Length)];
            }

            var accepting = answered.Where(b => b.Slots!.Accepts(device)).ToArray();
            if (accepting.Length == 0)
            {
                throw new OrleansException($"child {childId}: no silo accepts --device {device} (silos offer "
                    + string.Join(", ", answered.Select(b => b.Slots!.Device).Distinct()) + ")");
            }

            var best = accepting.OrderByDescending(b => b.Slots!.Free).ThenBy(b => b.Slots!.Held)
                .ThenBy(b => b.Silo.ToParsableString(), StringComparer.Ordinal).First();
            await Board(best.Silo).ReserveAsync(childId).WaitAsync(QueryTimeout);
            return best.Silo;
        }
        finally
        {
            _one.Release();
        }
    }

    private ISiloSlotsGrain Board(SiloAddress silo) => grains.GetGrain<ISiloSlotsGrain>(silo.ToParsableString());

    private async Task<(SiloAddress Silo, SiloSlots? Slots)> AskAsync(SiloAddress silo)
    {
        try
        {
            return (silo, await Board(silo).GetAsync().WaitAsync(QueryTimeout));
        }
        catch (Exception)
        {
            // Timeout, silo unavailable or a dying activation: whatever the reason, that silo gets no child now.
            return (silo, null);
        }
    }
}
