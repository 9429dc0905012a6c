using System.Diagnostics;
using System.Text;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// <c>dotnet ala.dll ARGS</c> started in the background, its stdout collected and its window lines counted, so a test
/// can act mid-run (SIGKILL it, or a silo) once enough windows were reported.
/// </summary>
internal sealed class WatchedCliProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Task<string> _error;
    private int _windows;
    private TaskCompletionSource _enough = new();
    private int _wanted = int.MaxValue;

    private WatchedCliProcess(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.CliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process = Process.Start(start)!;
        Process.OutputDataReceived += (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
                if (e.Data?.Contains(" window ", StringComparison.Ordinal) == true && ++_windows >= _wanted)
                {
                    _enough.TrySetResult();
                }
            }
        };
        Process.BeginOutputReadLine();
        _error = Process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    /// <summary>Everything printed on stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Window lines printed so far.</summary>
    public int Windows
    {
        get
        {
            lock (_output)
            {
                return _windows;
            }
        }
    }

    /// <summary>Stderr, once the process has exited.</summary>
    public Task<string> StandardError => _error;

    public static WatchedCliProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    /// <summary>Returns once <paramref name="windows"/> window lines were printed (or throws after <paramref name="timeout"/>).</summary>
    public Task WaitForWindowsAsync(int windows, TimeSpan timeout)
    {
        lock (_output)
        {
            _wanted = windows;
            if (_windows >= windows)
            {
                _enough.TrySetResult();
            }

            return _enough.Task.WaitAsync(timeout);
        }
    }

    public void Dispose() => Process.Dispose();
}
