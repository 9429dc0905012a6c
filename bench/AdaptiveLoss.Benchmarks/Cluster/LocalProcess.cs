using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AdaptiveLoss.Benchmarks.Cluster;

/// <summary>
/// A process of the load test (redis-server, an ala-silo, an ala run) with its output kept line by line; killed with its
/// children on dispose. Waiting for a line is an awaited event, not a poll.
/// </summary>
internal sealed class LocalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    private LocalProcess(Process process) => _process = process;

    /// <summary>Every line printed so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Lines { get { lock (_lines) { return [.. _lines]; } } }

    /// <summary>Exit code, once exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/> in <paramref name="directory"/>.</summary>
    public static LocalProcess Start(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var local = new LocalProcess(new Process { StartInfo = start });
        local._process.OutputDataReceived += (_, e) => local.OnLine(e.Data);
        local._process.ErrorDataReceived += (_, e) => local.OnLine(e.Data);
        local._process.Start();
        local._process.BeginOutputReadLine();
        local._process.BeginErrorReadLine();
        return local;
    }

    /// <summary>A free loopback port (bound and released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for a line that <paramref name="match"/> accepts; throws with the output when the process exits or time runs out.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Any(match))
            {
                return;
            }

            _waiters.Add((match, seen));
        }

        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(seen.Task, exited, Task.Delay(timeout)) != seen.Task)
        {
            throw new InvalidOperationException($"{what} did not happen within {timeout.TotalSeconds:F0} s:\n{string.Join('\n', Lines.TakeLast(20))}");
        }
    }

    /// <summary>Waits for the exit; kills it after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_process.StartInfo.FileName} ran past {timeout.TotalSeconds:F0} s:\n{string.Join('\n', Lines.TakeLast(20))}");
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToArray())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
