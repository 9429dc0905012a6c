using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>Where experiments run: an embedded silo in this process, or a localhost cluster reached through its gateway.</summary>
/// <param name="Embedded">True when no <c>--cluster</c> was given.</param>
/// <param name="GatewayPort">Gateway port of the localhost cluster (ignored when embedded).</param>
internal sealed record ClusterTarget(bool Embedded, int GatewayPort)
{
    /// <summary>The standalone silo's default gateway port (Orleans' localhost default).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Parses <c>--cluster</c>: null = embedded; <c>localhost</c> or <c>localhost:PORT</c>.</summary>
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

        var scheme = connection.Contains("://", StringComparison.Ordinal) ? connection[..connection.IndexOf("://", StringComparison.Ordinal)] : connection;
        throw new UsageException($"--cluster: clustering '{scheme}' is not available yet (use localhost or localhost:GATEWAYPORT)");
    }
}
