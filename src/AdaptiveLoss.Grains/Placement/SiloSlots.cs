namespace AdaptiveLoss.Grains.Placement;

/// <summary>One silo's training slots as its <see cref="ISiloSlotsGrain"/> sees them.</summary>
/// <param name="Slots">Training slots (<c>Training:MaxConcurrentChildren</c>); 0 = no limit.</param>
/// <param name="Held">Children the silo holds: training, queued for a slot, or placed there and not yet started.</param>
/// <param name="Device">The device the silo offers (<c>Training:Device</c>); null = any.</param>
[GenerateSerializer, Immutable]
public sealed record SiloSlots([property: Id(0)] int Slots, [property: Id(1)] int Held, [property: Id(2)] string? Device)
{
    /// <summary>Free slots; <see cref="int.MaxValue"/> for a silo without a limit, never below 0.</summary>
    public int Free => Slots == 0 ? int.MaxValue : Math.Max(0, Slots - Held);

    /// <summary>True when a child of an experiment with <paramref name="device"/> (null = unknown) may train here.</summary>
    public bool Accepts(string? device) => device is null || Device is null || Device == device;
}

/// <summary>
/// The slot board of one silo (key = the silo's address, <c>SiloAddress.ToParsableString()</c>), activated on that
/// silo (<see cref="SiloTargetPlacementAttribute"/>) so that it reads the silo's own training worker. The child
/// placement asks every silo's board and reserves a slot on the one it picks.
/// </summary>
public interface ISiloSlotsGrain : IGrainWithStringKey
{
    /// <summary>The silo's slots and the children it holds now.</summary>
    Task<SiloSlots> GetAsync();

    /// <summary>Counts <paramref name="childId"/> as held until the training worker has it (or a minute passes).</summary>
    Task<SiloSlots> ReserveAsync(string childId);
}
