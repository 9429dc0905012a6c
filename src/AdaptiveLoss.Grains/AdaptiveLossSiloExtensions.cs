using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace AdaptiveLoss.Grains;

/// <summary>Registers everything a silo needs to host the experiment, coordinator and child grains.</summary>
public static class AdaptiveLossSiloExtensions
{
    /// <summary>
    /// Adds the training worker (one per silo, a hosted service), the TorchSharp child runner (unless an
    /// <see cref="IChildRunner"/> is already registered), <see cref="TrainingOptions"/> (section
    /// <see cref="TrainingOptions.SectionName"/>, then <paramref name="configure"/>), the codec for Core's records and the
    /// children's slot placement (<see cref="Placement.SlotPlacement"/>).
    /// </summary>
    public static ISiloBuilder AddAdaptiveLossGrains(this ISiloBuilder builder, Action<TrainingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChildRunner, TorchChildRunner>();
        services.TryAddSingleton<TrainingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingWorker>());
        services.AddSerializer(s => s.AddAdaptiveLossCoreTypes());
        // Children by free slots over the silos (Placement/); the slot boards on the silo they describe.
        builder.AddPlacementDirector<Placement.SlotPlacement, Placement.SlotPlacementDirector>();
        builder.AddPlacementDirector<Placement.SiloTargetPlacement, Placement.SiloTargetPlacementDirector>();
        return builder;
    }

    /// <summary>
    /// Lets learning policies save snapshots to <c>STATE/policies/&lt;policyId&gt;/&lt;version&gt;.json</c> under
    /// <paramref name="stateDirectory"/> (issue 4 §5; created on the first save). Without it nothing is saved.
    /// </summary>
    public static ISiloBuilder AddPolicySnapshots(this ISiloBuilder builder, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new AdaptiveLoss.Core.Policy.Snapshots.PolicyStore(stateDirectory));
        return builder;
    }
}
