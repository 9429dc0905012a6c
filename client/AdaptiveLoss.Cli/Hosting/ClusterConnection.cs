using AdaptiveLoss.Grains;
using AdaptiveLoss.Grains.Clustering;
using AdaptiveLoss.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// A started Orleans host and its grain factory: either an embedded silo (docs/design.md §3 "embedded default") on free
/// localhost ports, or a pure client of a localhost or Redis-clustered cluster. Logging is quiet: warnings and errors on stderr only.
/// </summary>
internal sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>
    /// Training slots of the embedded silo: children beyond them queue, as on a standalone silo with <c>--max-children</c>
    /// (docs/cluster.md). Four per core, at least 16, so the runs of the docs (≤ 16 children) never queue, while
    /// <c>--children 1000</c> holds 16 models in memory, not 1,000.
    /// </summary>
    public static int EmbeddedSlots(int processorCount) => Math.Max(16, 4 * processorCount);

    /// <summary>How long a client waits for the cluster's gateway before giving up.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly IHost _host;

    private ClusterConnection(IHost host, string description)
    {
        _host = host;
        Description = description;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The host's services (the embedded silo's settings, for tests).</summary>
    internal IServiceProvider Services => _host.Services;

    /// <summary>The grain factory of the silo or client.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Where experiments run, for the header line.</summary>
    public string Description { get; }

    /// <summary>
    /// Starts the host for <paramref name="target"/>, exporting traces and metrics to <paramref name="telemetry"/>. Grain
    /// calls carry the caller's trace (Orleans activity propagation) whatever the exporter, so a standalone silo that
    /// exports continues the CLI's trace. An embedded silo saves policy snapshots under <paramref name="stateDirectory"/>
    /// (when given); a cluster's silos use their own state folder.
    /// </summary>
    public static async Task<ClusterConnection> StartAsync(ClusterTarget target, TelemetryExporter telemetry, CancellationToken cancellationToken,
        string? stateDirectory = null)
    {
        var builder = CreateQuietBuilder();
        builder.AddAdaptiveLossTelemetry(telemetry, "ala");
        string description;
        if (target.Embedded)
        {
            var ports = FreePorts.Pick(2);
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(ports[0], ports[1]).AddActivityPropagation()
                    .AddAdaptiveLossGrains(o => o.MaxConcurrentChildren = EmbeddedSlots(Environment.ProcessorCount));
                if (stateDirectory is not null)
                {
                    silo.AddAdaptiveLossState(stateDirectory);
                }
                else
                {
                    silo.AddInMemoryGrainStorage();
                }
            });
            description = $"embedded silo (gateway localhost:{ports[1]})";
        }
        else if (target.Redis is not null)
        {
            // Bounded: the probe gives up after AdaptiveLossRedis.ConnectTimeout with a one-line reason.
            if (await AdaptiveLossRedis.ProbeAsync(target.Redis, target.Tls) is { } unreachable)
            {
                // A refused password is a setting to fix (exit 2), an unreachable server an outage (exit 1).
                throw AdaptiveLossRedis.IsRefusedPassword(unreachable)
                    ? new Parsing.UsageException($"--cluster: {unreachable}")
                    : new InvalidOperationException($"cannot reach the cluster: {unreachable}");
            }

            builder.UseOrleansClient(client => WithTls(client.UseAdaptiveLossRedis(target.Redis, target.Tls), target).AddActivityPropagation()
                .UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
            builder.Services.AddSerializer(s => s.AddAdaptiveLossCoreTypes());
            description = $"cluster {target.Name}";
        }
        else
        {
            // No silent retries: a missing silo is reported at once (see ConnectTimeout for one that never answers).
            builder.UseOrleansClient(client => WithTls(client.UseLocalhostClustering(target.GatewayPort), target).AddActivityPropagation()
                .UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
            builder.Services.AddSerializer(s => s.AddAdaptiveLossCoreTypes());
            description = $"cluster localhost:{target.GatewayPort}";
        }

        var host = builder.Build();
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!target.Embedded)
        {
            connect.CancelAfter(ConnectTimeout);
        }

        try
        {
            await host.StartAsync(connect.Token);
        }
        catch (Exception ex) when (!target.Embedded && !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var reason = ex is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:0} s" : ex.Message;
            throw new InvalidOperationException(target.Redis is null
                ? $"cannot reach the cluster at localhost:{target.GatewayPort} (is ./ala-silo running?): {reason}"
                : $"cannot reach the cluster in Redis at {target.Redis.Endpoint} (is an ./ala-silo --clustering redis running?): {reason}", ex);
        }

        return new ClusterConnection(host, description);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    // Mutual TLS to the gateways (docs/deploy.md): a silo that requires it refuses a client without it, and vice versa.
    private static IClientBuilder WithTls(IClientBuilder client, ClusterTarget target) => target.Tls is { } tls ? client.UseAdaptiveLossTls(tls) : client;

    private static HostApplicationBuilder CreateQuietBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Orleans warns on every start (no ServerGC, watchdog) and on long turns: noise for a CLI user.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        // A Redis-clustered client refreshes its gateway list from Redis; while Redis is down every refresh logs an
        // error. The run's outcome says what failed, in one line.
        builder.Logging.AddFilter("Orleans.Messaging.GatewayManager", LogLevel.None);
        // A host that fails to start logs the whole stack; the CLI prints its one-line message instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        return builder;
    }
}
