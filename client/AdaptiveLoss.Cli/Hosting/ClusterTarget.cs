using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Grains.Clustering;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// Where experiments run: an embedded silo in this process, a localhost cluster reached through its gateway, or a
/// Redis-clustered cluster whose gateways are listed in Redis; with the client's TLS material when the cluster uses
/// mutual TLS (docs/deploy.md).
/// </summary>
/// <param name="Embedded">True when no <c>--cluster</c> was given.</param>
/// <param name="GatewayPort">Gateway port of the localhost cluster (ignored otherwise).</param>
/// <param name="Redis">The cluster's Redis (with its password) for <c>--cluster redis://…</c> or <c>rediss://…</c>, else null.</param>
internal sealed record ClusterTarget(bool Embedded, int GatewayPort, RedisTarget? Redis = null)
{
    /// <summary>The variable that holds the Redis password when <c>--redis-password-file</c> is not given.</summary>
    public const string RedisPasswordVariable = "ALA_REDIS_PASSWORD";

    /// <summary>This client's certificate and the cluster's CA, or null: no TLS.</summary>
    public ClusterTls? Tls { get; init; }

    /// <summary>The <c>--cluster</c> value as the user would write it (never a password).</summary>
    public string Name => Redis?.Display ?? $"localhost:{GatewayPort}";

    /// <summary>The standalone silo's default gateway port (Orleans' localhost default).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Parses <c>--cluster</c> without credential files (the password may still come from ALA_REDIS_PASSWORD).</summary>
    /// <exception cref="UsageException">Any other value.</exception>
    public static ClusterTarget Parse(string? connection) => Parse(connection, new ClusterCredentials(), Environment.GetEnvironmentVariable);

    /// <summary>
    /// Parses <c>--cluster</c>: null = embedded; <c>localhost</c>, <c>localhost:PORT</c>, <c>redis://HOST[:PORT]</c> or
    /// <c>rediss://HOST[:PORT]</c> (<see cref="RedisTarget.Forms"/>); then reads the password and loads the TLS files.
    /// </summary>
    /// <exception cref="UsageException">A bad value or file, one line that echoes no secret.</exception>
    public static ClusterTarget Parse(string? connection, ClusterCredentials credentials, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var target = ParseConnection(connection);
        if (target.Embedded)
        {
            return credentials.FirstFlag is { } flag ? throw new UsageException($"{flag} needs --cluster (an embedded silo has no network to secure)") : target;
        }

        try
        {
            if (target.Redis is { } redis)
            {
                target = target with { Redis = redis with { Password = SecretSource.Read("--redis-password-file", credentials.RedisPasswordFile, RedisPasswordVariable, environment) } };
            }
            else if (credentials.RedisPasswordFile is not null)
            {
                throw new UsageException("--redis-password-file needs --cluster redis://… or rediss://…");
            }

            if (credentials.TlsCertificate is null != (credentials.TlsAuthority is null) || (credentials.TlsKey is not null && credentials.TlsCertificate is null))
            {
                throw new UsageException(credentials.TlsCertificate is null
                    ? "--tls-ca and --tls-key need --tls-cert (this client's certificate)"
                    : "--tls-cert needs --tls-ca (the CA the silos' certificates chain to)");
            }

            return credentials.TlsCertificate is { } certificate
                ? target with { Tls = ClusterTls.Load(certificate, credentials.TlsKey, credentials.TlsAuthority!, environment) }
                : target;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static ClusterTarget ParseConnection(string? connection)
    {
        if (connection is null)
        {
            return new ClusterTarget(true, 0);
        }

        if (connection == "localhost")
        {
            return new ClusterTarget(false, DefaultGatewayPort);
        }

        if (connection.StartsWith("localhost:", StringComparison.Ordinal))
        {
            var port = connection["localhost:".Length..];
            return int.TryParse(port, out var p) && p is > 0 and < 65536
                ? new ClusterTarget(false, p)
                : throw new UsageException($"--cluster port must be 1-65535 (got '{port}')");
        }

        if (connection.StartsWith("redis://", StringComparison.Ordinal) || connection.StartsWith("rediss://", StringComparison.Ordinal))
        {
            // The value may hold a password (redis://user:pass@host, redis://host,password=…): a refusal says what is
            // expected and echoes nothing of it (docs/deploy.md, "Redis password and TLS").
            return RedisTarget.TryParse(connection, portRequired: false, out var redis)
                ? new ClusterTarget(false, 0, redis)
                : throw new UsageException($"--cluster: expected {RedisTarget.Forms}");
        }

        // Only a plain scheme name is echoed: anything else may be a secret typed in the wrong place.
        var scheme = connection.Contains("://", StringComparison.Ordinal) ? connection[..connection.IndexOf("://", StringComparison.Ordinal)] : null;
        var named = scheme is { Length: > 0 and <= 16 } && scheme.All(char.IsAsciiLetter) ? $"clustering '{scheme}' is not available" : "not a cluster";
        throw new UsageException($"--cluster: {named} (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)");
    }
}
