using AdaptiveLoss.Grains.Clustering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AdaptiveLoss.Silo;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> for Kubernetes and compose probes (docs/deploy.md, "Health"): live =
/// the process answers HTTP; ready = this silo is Active in the cluster's membership and its grain storage answers
/// (Redis PING, or a file written and removed in the state folder). 200 "Healthy" or 503 "Unhealthy".
/// </summary>
public static class SiloHealth
{
    /// <summary>The liveness path.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness path.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Registers the readiness check, which probes <paramref name="security"/>'s Redis or the state folder.</summary>
    public static IServiceCollection AddSiloHealth(this IServiceCollection services, SiloOptions options, SiloSecurity security)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(new StorageProbe(options.UsesRedis ? security.Redis : null, security.Tls, options.StateDirectory));
        services.AddHealthChecks().AddCheck<SiloReadiness>("ready", tags: ["ready"]);
        return services;
    }

    /// <summary>Maps both paths; they answer on every port the host listens on.</summary>
    public static void MapSiloHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    }

    /// <summary>Is the grain storage reachable: Redis (one connection kept for the probes) or a writable state folder.</summary>
    internal sealed class StorageProbe(RedisTarget? redis, ClusterTls? tls, string stateDirectory) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _connect = new(1, 1);
        private ConnectionMultiplexer? _connection;

        public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
        {
            if (redis is null)
            {
                return WritableProblem();
            }

            try
            {
                await _connect.WaitAsync(cancellationToken);
                try
                {
                    _connection ??= await ConnectionMultiplexer.ConnectAsync(AdaptiveLossRedis.Connection(redis, tls));
                }
                finally
                {
                    _connect.Release();
                }

                await _connection.GetDatabase().PingAsync();
                return null;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return $"Redis at {redis.Display} does not answer ({ex.GetType().Name})";
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            _connect.Dispose();
        }

        private string? WritableProblem()
        {
            var probe = Path.Combine(stateDirectory, $".ready-{Environment.ProcessId}");
            try
            {
                File.WriteAllText(probe, "");
                File.Delete(probe);
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"state folder {stateDirectory} is not writable ({ex.GetType().Name})";
            }
        }
    }

    /// <summary>Ready = Active in the membership snapshot and the storage answers.</summary>
    internal sealed class SiloReadiness(IClusterMembershipService membership, ILocalSiloDetails local, StorageProbe storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
            if (status != SiloStatus.Active)
            {
                return HealthCheckResult.Unhealthy($"silo is {status} in the cluster");
            }

            return await storage.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
        }
    }
}
