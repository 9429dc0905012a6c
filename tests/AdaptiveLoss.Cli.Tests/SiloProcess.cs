using System.Diagnostics;
using AdaptiveLoss.Cli.Hosting;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>A standalone <c>ala-silo</c> on free ports, started as a process and stopped on dispose.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _log = new();

    private SiloProcess(Process process, int gatewayPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
    }

    public int GatewayPort { get; }

    /// <summary>The silo's state folder (<c>--state</c>, a fresh temporary folder removed on dispose): its policy snapshots.</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"ala-silo-state-{Guid.NewGuid():N}");

    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>The silo port (<c>--silo-port</c>).</summary>
    public int SiloPort { get; private init; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: the silo dies without leaving the cluster, as on a crash or a pulled plug.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the silo and waits for its ready line (printed once the host has started).</summary>
    /// <param name="timeout">How long to wait for the ready line.</param>
    /// <param name="args">More flags, e.g. <c>--dashboard</c>.</param>
    public static Task<SiloProcess> StartAsync(TimeSpan timeout, params string[] args) => StartAsync(timeout, new Dictionary<string, string?>(), args);

    /// <summary>Starts the silo with extra environment variables and arguments.</summary>
    public static async Task<SiloProcess> StartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Assert.True(File.Exists(RepositoryPaths.SiloDll), $"the silo is not built at {RepositoryPaths.SiloDll}");
        var ports = FreePorts.Pick(2);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepositoryPaths.SiloDll, "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var silo = new SiloProcess(new Process { StartInfo = start }, ports[1]) { SiloPort = ports[0] };
        start.ArgumentList.Add("--state");
        start.ArgumentList.Add(silo.StateDirectory);
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data, ready);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data, null);
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        var exited = silo._process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(timeout)) != ready.Task)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"ala-silo did not become ready:\n{silo.Log}");
        }

        return silo;
    }

    /// <summary>
    /// Stops the silo as Ctrl+C or a service manager would (SIGTERM), so that it shuts down and flushes its telemetry;
    /// true when it exited within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", $"{_process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private void OnLine(string? line, TaskCompletionSource? ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }

        if (ready is not null && line.StartsWith("ala-silo: silo port", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
