using AdaptiveLoss.Grains.Persistence;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;

namespace AdaptiveLoss.Grains.Clustering;

/// <summary>
/// Redis clustering (membership table and gateway list) and the <see cref="AdaptiveLossStorage.Name"/> grain storage,
/// one place for the silo and the CLI's client (docs/cluster.md). Both connect with <see cref="Connection(RedisTarget, ClusterTls)"/>: a bounded
/// connect timeout, and a failed first connect is an error instead of an endless background retry.
/// </summary>
public static class AdaptiveLossRedis
{
    /// <summary>How long the first connection to Redis may take before it counts as unreachable.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one Redis command may wait (StackExchange.Redis' sync and async timeouts). While Redis is down, a grain
    /// storage write fails after this long; the grains' own retries decide what happens next.
    /// </summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connection options for <paramref name="endpoint"/> (HOST:PORT, no password, no TLS).</summary>
    public static ConfigurationOptions Connection(string endpoint) => Connection(new RedisTarget(endpoint));

    /// <summary>
    /// Connection options for <paramref name="target"/>: its TLS, user and password; with <paramref name="tls"/>, a TLS
    /// server certificate must chain to the cluster's CA (docs/deploy.md), else to the system's roots.
    /// </summary>
    public static ConfigurationOptions Connection(RedisTarget target, ClusterTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = ConfigurationOptions.Parse(target.Endpoint);
        (options.Ssl, options.User, options.Password) = (target.Ssl, target.User, target.Password);
        if (target.SslHost is not null)
        {
            options.SslHost = target.SslHost;
        }

        if (target.Ssl && tls is not null)
        {
            options.CertificateValidation += (_, certificate, _, _) => certificate is not null && tls.Trusts(new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate));
        }

        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        options.ConnectRetry = 1;
        return options;
    }

    /// <summary>
    /// Connects once to <paramref name="endpoint"/> and sends PING; null when Redis answers, else a one-line reason.
    /// Hosts call it before they start, so that an unreachable Redis is one clear line within
    /// <see cref="ConnectTimeout"/> rather than an Orleans start-up failure deep in a stack.
    /// </summary>
    public static Task<string?> ProbeAsync(string endpoint) => ProbeAsync(new RedisTarget(endpoint));

    /// <summary>
    /// As <see cref="ProbeAsync(string)"/> for <paramref name="target"/>; a refused password is told apart from an
    /// unreachable server (<see cref="IsRefusedPassword"/>), and neither line holds the password.
    /// </summary>
    public static async Task<string?> ProbeAsync(RedisTarget target, ClusterTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(Connection(target, tls));
            await connection.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ArgumentException or System.Net.Sockets.SocketException)
        {
            return IsTlsFailure(ex)
                ? $"Redis at {target.Endpoint} failed the TLS handshake (its certificate does not chain to {(tls is null ? "the system's roots" : "--tls-ca")}, or it does not speak TLS)"
                : IsAuthenticationFailure(ex)
                ? $"{RefusedPrefix} {target.Display} ({(target.Password is null ? "it needs one: set ALA_REDIS_PASSWORD or --redis-password-file" : "wrong password or user")})"
                : $"Redis at {target.Endpoint} is unreachable ({FirstLine(ex.Message)})";
        }
    }

    /// <summary>How a refused password's line (from <see cref="ProbeAsync(RedisTarget, ClusterTls)"/>) starts.</summary>
    public const string RefusedPrefix = "Redis refused the password at";

    /// <summary>True for a probe line that says the password was refused: a setting to fix, not an outage.</summary>
    public static bool IsRefusedPassword(string probeLine) => probeLine?.StartsWith(RefusedPrefix, StringComparison.Ordinal) == true;

    // A refused certificate is also an "authentication failure" to StackExchange.Redis: the TLS exception tells it apart.
    private static bool IsTlsFailure(Exception? ex) =>
        ex is not null && (ex is System.Security.Authentication.AuthenticationException || IsTlsFailure(ex.InnerException));

    // NOAUTH (no password given) and WRONGPASS (wrong one) come back as an authentication failure of the connect.
    private static bool IsAuthenticationFailure(Exception ex) =>
        ex is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
        || ex.Message.Contains("NOAUTH", StringComparison.Ordinal) || ex.Message.Contains("WRONGPASS", StringComparison.Ordinal)
        || (ex.InnerException is { } inner && IsAuthenticationFailure(inner));

    /// <summary>
    /// Redis membership and the <see cref="AdaptiveLossStorage.Name"/> grain storage (JSON documents written by
    /// <see cref="AdaptiveLossStorage.Serializer"/>) on <paramref name="endpoint"/>, cluster and service
    /// <paramref name="clusterId"/>/<paramref name="serviceId"/>.
    /// </summary>
    public static ISiloBuilder AddAdaptiveLossRedis(this ISiloBuilder silo, string endpoint, string clusterId = "ala", string serviceId = "ala") =>
        silo.AddAdaptiveLossRedis(new RedisTarget(endpoint), null, clusterId, serviceId);

    /// <summary>As <see cref="AddAdaptiveLossRedis(ISiloBuilder, string, string, string)"/> with the password and TLS of <paramref name="target"/>.</summary>
    public static ISiloBuilder AddAdaptiveLossRedis(this ISiloBuilder silo, RedisTarget target, ClusterTls? tls, string clusterId = "ala", string serviceId = "ala")
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
        silo.UseRedisClustering(o => o.ConfigurationOptions = Connection(target, tls));
        silo.AddRedisGrainStorage(AdaptiveLossStorage.Name, o =>
        {
            o.ConfigurationOptions = Connection(target, tls);
            o.GrainStorageSerializer = AdaptiveLossStorage.Serializer;
        });
        return silo;
    }

    /// <summary>A client of the Redis-clustered cluster: its gateways are the live silos listed in Redis.</summary>
    public static IClientBuilder UseAdaptiveLossRedis(this IClientBuilder client, string endpoint, string clusterId = "ala", string serviceId = "ala") =>
        client.UseAdaptiveLossRedis(new RedisTarget(endpoint), null, clusterId, serviceId);

    /// <summary>As <see cref="UseAdaptiveLossRedis(IClientBuilder, string, string, string)"/> with the password and TLS of <paramref name="target"/>.</summary>
    public static IClientBuilder UseAdaptiveLossRedis(this IClientBuilder client, RedisTarget target, ClusterTls? tls, string clusterId = "ala", string serviceId = "ala")
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
        // A dead silo leaves the client's gateway list within seconds, not Orleans' default minute.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.UseRedisClustering(o => o.ConfigurationOptions = Connection(target, tls));
        return client;
    }

    /// <summary>
    /// Failure detection tuned for a few silos on one machine or LAN: a silo that stops answering
    /// <paramref name="missedProbes"/> probes of <paramref name="probeTimeout"/> each is voted dead, and its grains
    /// re-activate elsewhere on their next call.
    /// </summary>
    public static ISiloBuilder UseFastFailureDetection(this ISiloBuilder silo, TimeSpan probeTimeout, int missedProbes)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = probeTimeout;
            o.NumMissedProbesLimit = missedProbes;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        return silo;
    }

    // StackExchange.Redis' messages go on with advice about abortConnect; the first sentence is the reason.
    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? line[..end] : line).TrimEnd('.');
    }
}
