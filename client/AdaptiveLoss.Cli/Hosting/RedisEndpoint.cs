using System.Globalization;
using System.Net;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// A Redis endpoint as <c>--cluster redis://…</c> takes it: HOST or HOST:PORT, HOST a DNS name ([A-Za-z0-9._-]) or an IP
/// address (IPv6 in brackets). Nothing else is accepted, so an accepted endpoint holds no credential or option and can
/// be printed (the header line, the errors that name it).
/// </summary>
internal static class RedisEndpoint
{
    /// <summary>True with <paramref name="endpoint"/> = "HOST:PORT" when <paramref name="value"/> is HOST or HOST:PORT.</summary>
    public static bool TryParse(string value, int defaultPort, out string endpoint)
    {
        endpoint = string.Empty;
        var bracket = value.StartsWith('[') ? value.IndexOf(']', StringComparison.Ordinal) : -1;
        var colon = bracket >= 0 ? (value.Length > bracket + 1 && value[bracket + 1] == ':' ? bracket + 1 : -1) : value.LastIndexOf(':');
        if (bracket >= 0 && colon < 0 && value.Length != bracket + 1)
        {
            return false;
        }

        var host = colon < 0 ? value : value[..colon];
        var port = defaultPort;
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
