using System.Globalization;
using System.Net;

namespace AdaptiveLoss.Grains.Clustering;

/// <summary>
/// A Redis server as the silo and the CLI reach it (docs/deploy.md, "Redis password and TLS"): its endpoint, TLS, the
/// ACL user and the password. Everything but <see cref="Password"/> is printable; <see cref="ToString"/> is
/// <see cref="Display"/>, so the password never reaches a line, a log or a file through this record.
/// </summary>
/// <param name="Endpoint">HOST:PORT, HOST a DNS name ([A-Za-z0-9._-]) or an IP address (IPv6 in brackets).</param>
/// <param name="Ssl">Connect with TLS (<c>rediss://</c> or <c>,ssl=true</c>).</param>
/// <param name="SslHost">The name the server's certificate must carry, when it differs from the host.</param>
/// <param name="User">The Redis 6 ACL user; null = the default user.</param>
public sealed record RedisTarget(string Endpoint, bool Ssl = false, string? SslHost = null, string? User = null)
{
    /// <summary>The Redis port when a URI names none.</summary>
    public const int DefaultPort = 6379;

    /// <summary>What every form accepted by <see cref="TryParse"/> looks like, for the refusals.</summary>
    public const string Forms = "HOST:PORT, redis://HOST[:PORT], rediss://HOST[:PORT] (TLS), each optionally followed by ,ssl=true,sslHost=NAME,user=NAME "
        + "(a host name or IP address, a port 1-65535; the password comes from ALA_REDIS_PASSWORD or --redis-password-file, never from this value)";

    /// <summary>The password (AUTH); a secret: read from the environment or a file, never printed.</summary>
    public string? Password { get; init; }

    /// <summary>The server as a printable URI: <c>redis://HOST:PORT</c> or <c>rediss://HOST:PORT</c>, plus the user when set.</summary>
    public string Display => $"{(Ssl ? "rediss" : "redis")}://{(User is null ? "" : User + "@")}{Endpoint}";

    /// <summary><see cref="Display"/>: never the password.</summary>
    public override string ToString() => Display;

    /// <summary>
    /// Parses one of <see cref="Forms"/>. False for anything else, and for an inline password or credentials in the
    /// URI: the caller's message must not echo <paramref name="value"/>, which may hold a secret.
    /// </summary>
    /// <param name="value">The value as typed.</param>
    /// <param name="portRequired">True where a bare HOST:PORT is the only scheme-less form (the silo's <c>--redis</c>).</param>
    /// <param name="target">The parsed target, without a password.</param>
    public static bool TryParse(string? value, bool portRequired, out RedisTarget target)
    {
        target = new RedisTarget("");
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var parts = value.Split(',');
        var address = parts[0];
        var ssl = false;
        if (address.StartsWith("rediss://", StringComparison.Ordinal) || address.StartsWith("redis://", StringComparison.Ordinal))
        {
            ssl = address.StartsWith("rediss://", StringComparison.Ordinal);
            address = address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
            portRequired = false;
        }

        if (!TryEndpoint(address, portRequired, out var endpoint))
        {
            return false;
        }

        (string? sslHost, string? user) = (null, null);
        foreach (var option in parts.Skip(1))
        {
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var (name, setting) = equals > 0 ? (option[..equals].Trim(), option[(equals + 1)..].Trim()) : ("", "");
            switch (name.ToLowerInvariant())
            {
                case "ssl" when bool.TryParse(setting, out var on):
                    ssl = on;
                    break;
                case "sslhost" when IsHost(setting):
                    sslHost = setting;
                    break;
                case "user" when setting.Length is > 0 and <= 64 && setting.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'):
                    user = setting;
                    break;
                default:
                    return false; // password=…, an unknown option or a bad value: refused, not echoed
            }
        }

        target = new RedisTarget(endpoint, ssl, sslHost, user);
        return true;
    }

    private static bool TryEndpoint(string value, bool portRequired, out string endpoint)
    {
        endpoint = string.Empty;
        var bracket = value.StartsWith('[') ? value.IndexOf(']', StringComparison.Ordinal) : -1;
        var colon = bracket >= 0 ? (value.Length > bracket + 1 && value[bracket + 1] == ':' ? bracket + 1 : -1) : value.LastIndexOf(':');
        if ((bracket >= 0 && colon < 0 && value.Length != bracket + 1) || (colon < 0 && portRequired))
        {
            return false;
        }

        var host = colon < 0 ? value : value[..colon];
        var port = DefaultPort;
        if (colon >= 0 && !(int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536))
        {
            return false;
        }

        if (!IsHost(host))
        {
            return false;
        }

        endpoint = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
        return true;
    }

    private static bool IsHost(string host) =>
        host.StartsWith('[')
            ? host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            : host.Length is > 0 and <= 253 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
