using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Placement;
using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// Children are spread over silos within each silo's slots (docs/cluster.md): the children's <see cref="SlotPlacement"/>
/// on an in-process cluster of several silos, with fake children that train until the test opens their gate.
/// </summary>
public sealed class SlotPlacementTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SixChildren_ThreeSilosWithTwoSlotsEach_TwoPerSiloAllRunning()
    {
        var runner = new GatedChildRunner();
        await using var cluster = await DeployAsync(runner, 3, _ => new TrainingOptions { MaxConcurrentChildren = 2 });
        var id = $"spread-{Guid.NewGuid():N}"[..16];
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);

        await experiment.StartAsync(new ExperimentOptions { Children = 6, Epochs = 1 });
        // All six train at once only if no silo got a third child (which would queue behind its two slots).
        var running = await Eventually.WaitAsync(experiment.GetStatusAsync, s => s.Children.All(c => c.State == ChildState.Running), Deadline,
            "six children running");
        var boards = await BoardsAsync(cluster);
        for (var i = 0; i < 6; i++)
        {
            runner.Open($"{id}/{i}");
        }

        var end = await ExperimentEnds.WaitAsync(experiment, Deadline);
        Assert.Equal(6, running.Children.Count);
        Assert.All(boards, b => Assert.Equal(new SiloSlots(2, 2, null), b));
        Assert.Equal(ExperimentState.Completed, end.State);
    }

    [Fact]
    public async Task Device_ChildrenGoOnlyToSilosOfferingTheirExperimentsDevice()
    {
        var runner = new GatedChildRunner();
        // Silo 0 offers cuda only, silo 1 cpu only; neither limits its slots.
        await using var cluster = await DeployAsync(runner, 2, i => new TrainingOptions { Device = i == 0 ? "cuda" : "cpu" });
        var id = $"device-{Guid.NewGuid():N}"[..16];
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);

        await experiment.StartAsync(new ExperimentOptions { Children = 3, Epochs = 1, Device = "cpu" });
        await Eventually.WaitAsync(experiment.GetStatusAsync, s => s.Children.All(c => c.State == ChildState.Running), Deadline, "three running");
        var boards = await BoardsAsync(cluster);
        for (var i = 0; i < 3; i++)
        {
            runner.Open($"{id}/{i}");
        }

        Assert.Equal([new SiloSlots(0, 3, "cpu"), new SiloSlots(0, 0, "cuda")], boards);
    }

    /// <summary>Every silo's slot board, ordered by the device the silo offers (none first, then cpu, cuda).</summary>
    private static async Task<SiloSlots[]> BoardsAsync(InProcessTestCluster cluster)
    {
        var boards = await Task.WhenAll(cluster.Silos.Select(s => cluster.Client.GetGrain<ISiloSlotsGrain>(s.SiloAddress.ToParsableString()).GetAsync()));
        // Each board describes its own silo: the silo's own settings, read from its container, match.
        foreach (var (silo, board) in cluster.Silos.Zip(boards))
        {
            var own = silo.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TrainingOptions>>().Value;
            Assert.Equal((own.MaxConcurrentChildren, own.Device), (board.Slots, board.Device));
        }

        return [.. boards.OrderBy(b => b.Device, StringComparer.Ordinal)];
    }

    /// <summary><paramref name="silos"/> silos wired as ala-silo's, silo i (in port order) with <paramref name="training"/>(i).</summary>
    private static async Task<InProcessTestCluster> DeployAsync(IChildRunner runner, short silos, Func<int, TrainingOptions> training)
    {
        var configured = 0;
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) =>
        {
            var settings = training(Interlocked.Increment(ref configured) - 1);
            silo.Services.AddSingleton(runner);
            ExperimentEnds.AddTo(silo.Services);
            silo.AddAdaptiveLossGrains(t => (t.MaxConcurrentChildren, t.Device) = (settings.MaxConcurrentChildren, settings.Device)).AddInMemoryGrainStorage();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddAdaptiveLossCoreTypes()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
