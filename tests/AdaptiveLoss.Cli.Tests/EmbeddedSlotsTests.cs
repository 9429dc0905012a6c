using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Grains.Workers;
using AdaptiveLoss.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The embedded silo caps the children that train at once; the rest queue (docs/cli.md, "Limits").</summary>
public sealed class EmbeddedSlotsTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 16)]
    [InlineData(4, 16)]
    [InlineData(16, 64)]
    public void EmbeddedSlots_FourPerCore_AtLeastSixteen(int cores, int slots) =>
        Assert.Equal(slots, ClusterConnection.EmbeddedSlots(cores));

    [Fact]
    public async Task StartAsync_Embedded_ConfiguresTheSlots()
    {
        await using var cluster = await ClusterConnection.StartAsync(ClusterTarget.Parse(null), TelemetryExporter.None, CancellationToken.None);

        var training = cluster.Services.GetRequiredService<IOptions<TrainingOptions>>().Value;

        Assert.Equal(ClusterConnection.EmbeddedSlots(Environment.ProcessorCount), training.MaxConcurrentChildren);
    }
}
