using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Silo;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// <c>ala-silo --dashboard</c> (docs/cluster.md): the Orleans dashboard on loopback only, and no HTTP listener at all
/// without the flag. Listening sockets are read from /proc/net/tcp and tcp6 (Linux).
/// </summary>
public sealed class SiloDashboardTests
{
    [Fact]
    public async Task Silo_Dashboard_ServesThePageOnLoopbackOnly()
    {
        var port = FreePorts.Pick(1)[0];
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(60), "--dashboard", "--dashboard-port", $"{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var page = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        using var counters = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/DashboardCounters"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode); // the API answers from the silo's grains
        Assert.Contains($"dashboard http://127.0.0.1:{port}/", silo.Log);
        Assert.Equal(["127.0.0.1"], ListeningAddresses(port));
        // This machine's other IPv4 addresses (e.g. eth0) refuse the connection.
        foreach (var address in OtherLocalAddresses())
        {
            Assert.False(Accepts(address, port), $"the dashboard answers on {address}");
        }
    }

    [Fact]
    public async Task Silo_WithoutDashboard_NothingListensOnTheDashboardPort()
    {
        var port = FreePorts.Pick(1)[0];
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(60), "--dashboard-port", $"{port}");

        Assert.Empty(ListeningAddresses(port));
        Assert.False(Accepts(IPAddress.Loopback, port));
        Assert.DoesNotContain("dashboard", silo.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", silo.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--dashboard" }, true, 8080, "127.0.0.1")]
    [InlineData(new[] { "--dashboard", "--dashboard-port", "9000" }, true, 9000, "127.0.0.1")] // not "--dashboard-port" as its value
    [InlineData(new[] { "--dashboard", "false", "--dashboard-host", "0.0.0.0" }, false, 8080, "0.0.0.0")]
    [InlineData(new[] { "--dashboard-port=81" }, false, 81, "127.0.0.1")]
    public void Read_Flags_SetTheDashboardOptions(string[] args, bool dashboard, int port, string host)
    {
        var options = SiloOptions.Read(args);

        Assert.Equal((dashboard, port, host), (options.Dashboard, options.DashboardPort, options.DashboardHost));
        Assert.Null(options.Problem());
    }

    [Theory]
    [InlineData("--dashboard-host", "example.org", "--dashboard-host must be an IP address or localhost (got 'example.org')")]
    [InlineData("--dashboard-port", "70000", "--dashboard-port must be 1-65535 (got 70000)")]
    public void Problem_BadSetting_OneLineNamingTheFlag(string flag, string value, string expected)
    {
        Assert.Equal(expected, SiloOptions.Read(["--dashboard", flag, value]).Problem());
    }

    /// <summary>Local addresses of the TCP sockets listening on <paramref name="port"/>, IPv4 and IPv6.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        var found = new List<string>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] == "0A" && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    found.Add(Address(local[0]).ToString());
                }
            }
        }

        return found;
    }

    // /proc/net/tcp prints the address as 32-bit words in host (little-endian) order.
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }

    private static IEnumerable<IPAddress> OtherLocalAddresses() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .Where(a => a.AddressFamily == AddressFamily.InterNetwork);

    private static bool Accepts(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        try
        {
            client.Connect(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
