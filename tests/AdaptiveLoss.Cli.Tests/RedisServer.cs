using System.Diagnostics;
using System.Net.Sockets;
using AdaptiveLoss.Cli.Hosting;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port with a temporary folder and no persistence, for the cluster tests
/// (docs/cluster.md). test.sh installs the Debian package; a missing <c>redis-server</c> fails the test, it never skips.
/// Kill and restart it (same port) to fake an outage; dispose kills it and removes its folder.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-redis-").FullName;
    private Process? _process;

    private readonly string? _password;
    private readonly string[] _tls;

    private RedisServer(int port, string? password, string[] tls) => (Port, _password, _tls) = (port, password, tls);

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>HOST:PORT for <c>ala-silo --redis</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The <c>--cluster</c> value of <c>ala</c>.</summary>
    public string ClusterUri => $"redis://{Endpoint}";

    /// <summary>Starts a server (with <c>--requirepass</c> when <paramref name="password"/> is given) and waits until it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync(string? password = null) => await StartAsync(password, null);

    /// <summary>
    /// A server that speaks only TLS on <see cref="Port"/> with <paramref name="certificate"/>/<paramref name="key"/>
    /// (PEM), clients not asked for a certificate (docs/deploy.md, "Redis password and TLS").
    /// </summary>
    public static Task<RedisServer> StartTlsAsync(string certificate, string key, string authority) =>
        StartAsync(null, (certificate, key, authority));

    private static async Task<RedisServer> StartAsync(string? password, (string Certificate, string Key, string Authority)? tls)
    {
        var port = FreePorts.Pick(1)[0];
        string[] tlsArgs = tls is { } t
            ? ["--port", "0", "--tls-port", $"{port}", "--tls-cert-file", t.Certificate, "--tls-key-file", t.Key, "--tls-ca-cert-file", t.Authority, "--tls-auth-clients", "no"]
            : [];
        var server = new RedisServer(port, password, tlsArgs);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts it again on the same port (after <see cref="KillAsync"/>), empty: it keeps nothing on disk.</summary>
    public async Task RestartAsync()
    {
        var path = Executable();
        Assert.True(path is not null, "redis-server is not installed: test.sh installs it (apt-get install -y redis-server); the cluster tests need a real one");
        var start = new ProcessStartInfo(path!) { WorkingDirectory = _folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var password = _password is null ? [] : new[] { "--requirepass", _password };
        foreach (var arg in new[] { "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--protected-mode", "no" }.Concat(password).Concat(_tls))
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            Assert.False(_process.HasExited, $"redis-server exited at start (port {Port})");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"redis-server did not listen on port {Port}");
    }

    /// <summary>SIGKILLs the server (an outage: no clean shutdown) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Freezes the server (SIGSTOP): its connections stay open but nothing answers, as a hung or partitioned Redis; its
    /// data stays in memory for <see cref="ContinueAsync"/> to serve again, so what was stored can be checked after.
    /// </summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused server answer again (SIGCONT).</summary>
    public Task ContinueAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        Assert.True(_process is { HasExited: false }, "redis-server is not running");
        using var kill = Process.Start("kill", [signal, $"{_process!.Id}"]);
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await ContinueAsync(); // a stopped process only dies of SIGKILL once continued on some kernels
        }

        await KillAsync();
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string? Executable() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.Concat(
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "redis-server")))
        .FirstOrDefault(File.Exists);
}
