using AdaptiveLoss.Grains.Persistence;
using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace AdaptiveLoss.Grains;

/// <summary>Registers everything a silo needs to host the experiment, coordinator and child grains.</summary>
public static class AdaptiveLossSiloExtensions
{
    /// <summary>
    /// Adds the training worker (one per silo, a hosted service), the TorchSharp child runner (unless an
    /// <see cref="IChildRunner"/> is already registered), <see cref="TrainingOptions"/> (section
    /// <see cref="TrainingOptions.SectionName"/>, then <paramref name="configure"/>; checked when the silo starts), the codec
    /// for Core's records and the children's slot placement (<see cref="Placement.SlotPlacement"/>).
    /// </summary>
    public static ISiloBuilder AddAdaptiveLossGrains(this ISiloBuilder builder, Action<TrainingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>());
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
    /// <paramref name="stateDirectory"/> (docs/policy-snapshots.md; created on the first save). Without it nothing is saved.
    /// </summary>
    public static ISiloBuilder AddPolicySnapshots(this ISiloBuilder builder, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new AdaptiveLoss.Core.Policy.Snapshots.PolicyStore(stateDirectory));
        return builder;
    }

    /// <summary>
    /// Everything durable in one folder (docs/durability.md, the embedded default): grain state in STATE/grains
    /// (<see cref="AddFileGrainStorage"/>), child checkpoints in STATE/checkpoints (<see cref="AddChildCheckpoints"/>)
    /// and policy snapshots in STATE/policies (<see cref="AddPolicySnapshots"/>).
    /// </summary>
    public static ISiloBuilder AddAdaptiveLossState(this ISiloBuilder builder, string stateDirectory) =>
        builder.AddFileGrainStorage(stateDirectory).AddChildCheckpoints(stateDirectory).AddPolicySnapshots(stateDirectory);

    /// <summary>Stores the grains' state (<see cref="AdaptiveLossStorage.Name"/>) as JSON files under STATE/grains.</summary>
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder builder, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        var root = Path.Combine(stateDirectory, "grains");
        builder.Services.AddGrainStorage(AdaptiveLossStorage.Name, (_, _) => new FileGrainStorage(root, AdaptiveLossStorage.Serializer));
        return builder;
    }

    /// <summary>
    /// Children checkpoint at every window end under STATE/checkpoints, unless <c>Training:CheckpointRoot</c> names
    /// another folder (a cluster's silos on several machines need a shared one).
    /// </summary>
    public static ISiloBuilder AddChildCheckpoints(this ISiloBuilder builder, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        var root = Path.GetFullPath(Path.Combine(stateDirectory, "checkpoints"));
        builder.Services.PostConfigure<TrainingOptions>(o => o.CheckpointRoot ??= root);
        return builder;
    }

    /// <summary>
    /// Keeps the grains' state in the silo's memory only (tests, benchmarks): nothing survives the process, but every
    /// write still goes through <see cref="AdaptiveLossStorage.Serializer"/>, as on disk or in Redis.
    /// </summary>
    public static ISiloBuilder AddInMemoryGrainStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMemoryGrainStorage(AdaptiveLossStorage.Name, o => o.GrainStorageSerializer = AdaptiveLossStorage.Serializer);
    }
}
