using Orleans.TestingHost;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>A cluster whose children really train with TorchSharp (on <see cref="TinyIdxData"/>).</summary>
public sealed class TorchClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await ClusterFactory.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TorchClusterCollection : ICollectionFixture<TorchClusterFixture>
{
    public const string Name = "torch cluster";
}
