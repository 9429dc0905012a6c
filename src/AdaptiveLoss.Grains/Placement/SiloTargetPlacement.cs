using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace AdaptiveLoss.Grains.Placement;

/// <summary>Places a grain on the silo its string key names (<c>SiloAddress.ToParsableString()</c>).</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class SiloTargetPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static SiloTargetPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class for <see cref="SiloTargetPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloTargetPlacementAttribute() : PlacementAttribute(SiloTargetPlacement.Instance);

/// <summary>The director of <see cref="SiloTargetPlacement"/>: the named silo, when it is an active, compatible one.</summary>
internal sealed class SiloTargetPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        var silo = SiloAddress.FromParsableString(key);
        return context.GetCompatibleSilos(target).Contains(silo)
            ? Task.FromResult(silo)
            : throw new OrleansException($"silo {key} is not an active member of the cluster");
    }
}
