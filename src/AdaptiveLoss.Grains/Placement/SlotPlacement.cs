using Orleans.Placement;
using Orleans.Runtime;

namespace AdaptiveLoss.Grains.Placement;

/// <summary>
/// Children spread over silos within each silo's slots (docs/cluster.md): a new child activation goes to a silo that accepts
/// its experiment's device and has the most free slots (ties: fewest children held, then the silo address).
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class SlotPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static SlotPlacement Instance { get; } = new();

    /// <summary>
    /// Request-context key of the experiment's device (cpu or cuda), set by the experiment grain when it starts a child
    /// so that the placement can skip silos that do not offer it. Absent = any silo.
    /// </summary>
    public const string DeviceKey = "ala.device";
}

/// <summary>Marks a grain class for <see cref="SlotPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SlotPlacementAttribute() : PlacementAttribute(SlotPlacement.Instance);
