using System.Net;
using System.Net.Sockets;
using AdaptiveLoss.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// A silo hosted in this process the way <c>ala run</c> hosts its embedded silo (client/AdaptiveLoss.Cli/Hosting):
/// localhost clustering on free ports, <see cref="AdaptiveLossSiloExtensions.AddAdaptiveLossGrains"/>, grain state in
/// files under a temporary state folder (<see cref="AdaptiveLossSiloExtensions.AddAdaptiveLossState"/>, as ala's
/// default: so the latencies include the coordinator's writes), grains called through the silo's own
/// <see cref="IGrainFactory"/>. Logging: warnings and errors on stderr, Orleans errors only.
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _state;

    private EmbeddedSilo(IHost host, string state)
    {
        _host = host;
        _state = state;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>The silo's state folder (grain documents and the children's checkpoints).</summary>
    public string StateDirectory => _state;

    /// <summary>
    /// Builds and starts the silo; <paramref name="persistent"/> false keeps grain state in memory; <paramref name="slots"/>
    /// caps the children training at once (0: one slot per child).
    /// </summary>
    public static async Task<EmbeddedSilo> StartAsync(CancellationToken cancellationToken = default, bool persistent = true, int slots = 0)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        var (siloPort, gatewayPort) = FreePorts();
        var state = Directory.CreateTempSubdirectory("ala-bench-state-").FullName;
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort).AddAdaptiveLossGrains(o => o.MaxConcurrentChildren = slots);
            _ = persistent ? silo.AddAdaptiveLossState(state) : silo.AddInMemoryGrainStorage();
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            Directory.Delete(state, recursive: true);
            throw;
        }

        return new EmbeddedSilo(host, state);
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
            Directory.Delete(_state, recursive: true);
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
