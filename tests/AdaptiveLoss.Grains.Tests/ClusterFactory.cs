using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>A one-silo in-process cluster wired exactly as the silos are: <c>AddAdaptiveLossGrains()</c>.</summary>
internal static class ClusterFactory
{
    /// <summary>
    /// Deploys a cluster; <paramref name="runner"/> replaces the TorchSharp child runner when given;
    /// <paramref name="tracing"/> adds Orleans activity propagation on the silo and the client, as ala and ala-silo do;
    /// <paramref name="stateDirectory"/> lets learning policies save snapshots there; <paramref name="time"/> replaces the
    /// silo's clock (a FakeTimeProvider).
    /// </summary>
    public static async Task<InProcessTestCluster> DeployAsync(IChildRunner? runner = null, Action<TrainingOptions>? training = null,
        bool tracing = false, string? stateDirectory = null, TimeProvider? time = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            if (runner is not null)
            {
                silo.Services.AddSingleton(runner);
            }

            if (time is not null)
            {
                // Before AddAdaptiveLossGrains, whose TryAdd then keeps it: the grains and the silo read this clock.
                silo.Services.AddSingleton(time);
            }

            ExperimentEnds.AddTo(silo.Services);
            silo.AddAdaptiveLossGrains(training);
            if (stateDirectory is not null)
            {
                silo.AddAdaptiveLossState(stateDirectory);
            }
            else
            {
                silo.AddInMemoryGrainStorage();
            }
            if (tracing)
            {
                silo.AddActivityPropagation();
            }
        });
        builder.ConfigureClient(client =>
        {
            client.Services.AddSerializer(s => s.AddAdaptiveLossCoreTypes());
            if (tracing)
            {
                client.AddActivityPropagation();
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
