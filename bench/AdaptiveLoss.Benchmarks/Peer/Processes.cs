using System.Diagnostics;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>Runs a program to its end with captured output (the peer's Python, apt-get, dpkg-query).</summary>
internal static class Processes
{
    /// <summary>What a finished process left.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/>; a program that cannot be started gives exit code
    /// −1 with the reason as its error; one that outlives <paramref name="timeout"/> is killed (exit code −2).
    /// </summary>
    public static Result Run(string file, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new Result(-1, string.Empty, $"{file}: {ex.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Result(-2, output.Result, $"{file}: killed after {timeout.TotalSeconds:0} s\n{error.Result}");
            }

            process.WaitForExit();
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }
}
