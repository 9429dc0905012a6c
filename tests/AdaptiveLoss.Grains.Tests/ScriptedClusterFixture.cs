using Orleans.TestingHost;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>A cluster whose children are <see cref="ScriptedChildRunner"/> scripts: pure orchestration, no libtorch.</summary>
public sealed class ScriptedClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ScriptedChildRunner Runner { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's state folder: learning policies save their snapshots under it.</summary>
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ala-grains-state-").FullName;

    public async Task InitializeAsync() => Cluster = await ClusterFactory.DeployAsync(Runner, stateDirectory: StateDirectory);

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ScriptedClusterCollection : ICollectionFixture<ScriptedClusterFixture>
{
    public const string Name = "scripted cluster";
}
