using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AdaptiveLoss.Cli.Hosting;

namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>
/// The silo's HTTP side with a real HTTP client (docs/deploy.md): the dashboard refuses an address beyond loopback
/// without a login and asks for it when one is set; <c>/health/live</c> and <c>/health/ready</c> answer on
/// <c>--health-port</c>, which serves nothing else.
/// </summary>
public sealed class SiloHttpTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ala-http-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Silo_DashboardBeyondLoopbackWithoutLogin_ExitsTwoWithOneLine()
    {
        var result = await CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["ALA_DASHBOARD_PASSWORD"] = null }, "--dashboard", "--dashboard-host", "0.0.0.0", "--state", Path.Combine(_work, "state"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["ala-silo: --dashboard-host 0.0.0.0 is beyond loopback and the dashboard would have no login: set --dashboard-user and "
            + "ALA_DASHBOARD_PASSWORD (or --dashboard-password-file), or bind it to 127.0.0.1"], result.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(_work, "state")), "nothing written");
    }

    [Fact]
    public async Task Silo_DashboardWithLogin_401WithoutOrWithWrongCredentials_200WithThem()
    {
        const string password = "dash-pa55";
        var port = FreePorts.Pick(1)[0];
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(90), new Dictionary<string, string?> { ["ALA_DASHBOARD_PASSWORD"] = password },
            "--dashboard", "--dashboard-port", $"{port}", "--dashboard-user", "admin");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var page = new Uri($"http://127.0.0.1:{port}/");

        using var anonymous = await http.GetAsync(page);
        using var wrong = await Get(http, page, "admin:nope");
        using var right = await Get(http, page, $"admin:{password}");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await right.Content.ReadAsStringAsync());
        Assert.Contains($"dashboard http://127.0.0.1:{port}/ (login)", silo.Log);
        Assert.DoesNotContain(password, silo.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_HealthPort_LiveAndReadyAnswerAndNothingElseIsServed()
    {
        var (health, dashboard) = (FreePorts.Pick(1)[0], FreePorts.Pick(1)[0]);
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(90), "--health-port", $"{health}", "--dashboard", "--dashboard-port", $"{dashboard}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/health/live"));
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/health/ready"));
        using var root = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        // The ready line is printed after the host started: the silo is Active and its state folder writable.
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode); // the dashboard is not on the health port
        Assert.Contains($"health port {health}", silo.Log);
    }

    [Fact]
    public async Task Silo_RedisPaused_ReadyTurnsUnhealthyWhileLiveStaysHealthy()
    {
        await using var redis = await RedisServer.StartAsync();
        var health = FreePorts.Pick(1)[0];
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(90), "--clustering", "redis", "--redis", redis.Endpoint, "--health-port", $"{health}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var before = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/health/ready"));

        await redis.PauseAsync();
        using var during = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/health/ready")); // PING times out after 5 s
        using var live = await http.GetAsync(new Uri($"http://127.0.0.1:{health}/health/live"));
        await redis.ContinueAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("Unhealthy", await during.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, Uri uri, string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return await http.SendAsync(request);
    }
}
