using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// Where experiments run: an embedded silo in this process, a localhost cluster reached through its gateway, or a
/// Redis-clustered cluster whose gateways are listed in Redis.
/// </summary>
/// <param name="Embedded">True when no <c>--cluster</c> was given.</param>
/// <param name="GatewayPort">Gateway port of the localhost cluster (ignored otherwise).</param>
/// <param name="Redis">HOST:PORT of the cluster's Redis for <c>--cluster redis://HOST:PORT</c>, else null.</param>
internal sealed record ClusterTarget(bool Embedded, int GatewayPort, string? Redis = null)
{
    /// <summary>The Redis port when <c>redis://HOST</c> names none.</summary>
    public const int DefaultRedisPort = 6379;

    /// <summary>The <c>--cluster</c> value as the user would write it.</summary>
    public string Name => Redis is not null ? $"redis://{Redis}" : $"localhost:{GatewayPort}";

    /// <summary>The standalone silo's default gateway port (Orleans' localhost default).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Parses <c>--cluster</c>: null = embedded; <c>localhost</c>, <c>localhost:PORT</c> or <c>redis://HOST[:PORT]</c>.</summary>
    /// <exception cref="UsageException">Any other value.</exception>
    public static ClusterTarget Parse(string? connection)
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

        if (connection.StartsWith("redis://", StringComparison.Ordinal))
        {
            // The value may hold a password (redis://user:pass@host, redis://host,password=…): a refusal says what is
            // expected and echoes nothing of it (docs/cluster.md, "Settings files, secrets and the state folder").
            return RedisEndpoint.TryParse(connection["redis://".Length..].TrimEnd('/'), DefaultRedisPort, out var endpoint)
                ? new ClusterTarget(false, 0, endpoint)
                : throw new UsageException("--cluster: expected redis://HOST or redis://HOST:PORT (a host name or IP address, a port 1-65535; "
                    + "no user, password or options: Redis credentials are not supported on the command line)");
        }

        // Only a plain scheme name is echoed: anything else may be a secret typed in the wrong place.
        var scheme = connection.Contains("://", StringComparison.Ordinal) ? connection[..connection.IndexOf("://", StringComparison.Ordinal)] : null;
        var named = scheme is { Length: > 0 and <= 16 } && scheme.All(char.IsAsciiLetter) ? $"clustering '{scheme}' is not available" : "not a cluster";
        throw new UsageException($"--cluster: {named} (use localhost, localhost:GATEWAYPORT or redis://HOST:PORT)");
    }
}
