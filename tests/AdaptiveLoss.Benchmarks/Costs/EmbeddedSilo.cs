using System.Net;
using System.Net.Sockets;
using AdaptiveLoss.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// A silo hosted in this process the way <c>ala run</c> hosts its embedded silo (client/AdaptiveLoss.Cli/Hosting):
/// localhost clustering on free ports, <see cref="AdaptiveLossSiloExtensions.AddAdaptiveLossGrains"/>, grains called
/// through the silo's own <see cref="IGrainFactory"/>. Logging: warnings and errors on stderr, Orleans errors only.
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Builds and starts the silo.</summary>
    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        var (siloPort, gatewayPort) = FreePorts();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort).AddAdaptiveLossGrains().AddInMemoryGrainStorage());
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new EmbeddedSilo(host);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    // The OS hands out unused ports to listeners bound to port 0; both are held until both are picked.
    private static (int Silo, int Gateway) FreePorts()
    {
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        try
        {
            first.Start();
            second.Start();
            return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        }
        finally
        {
            first.Stop();
            second.Stop();
        }
    }
}
