using Orleans.TestingHost;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>A cluster whose children are <see cref="ScriptedChildRunner"/> scripts: pure orchestration, no libtorch.</summary>
public sealed class ScriptedClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ScriptedChildRunner Runner { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await ClusterFactory.DeployAsync(Runner);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ScriptedClusterCollection : ICollectionFixture<ScriptedClusterFixture>
{
    public const string Name = "scripted cluster";
}
