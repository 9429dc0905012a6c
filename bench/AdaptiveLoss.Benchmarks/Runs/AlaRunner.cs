using System.Diagnostics;

namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// Runs <c>ala run</c> as a process, as a user would: its output goes to <c>ala.log</c> in the run folder and the
/// exact command to <c>bench-run.json</c>. A stale results.json is removed first so that a failed run never leaves
/// an older result to be analysed as if it were this one. Unless the flags name one, every run gets a state folder of
/// its own inside its run folder: ids stored by an earlier run (or by an older build) can then never refuse or
/// confuse this one, and an interrupted run resumes with <c>ala resume ID --state RUNDIR/state</c>.
/// </summary>
internal sealed class AlaRunner(AlaCommand ala, TextWriter log)
{
    /// <summary>The log file name inside a run folder.</summary>
    public const string LogFileName = "ala.log";

    /// <summary>The state folder of a run that names none: inside its run folder.</summary>
    public const string StateFolderName = "state";

    /// <summary>Runs <c>ala run FLAGS --experiment-id ID --out RUNDIR [--state RUNDIR/state]</c>; returns the exit code.</summary>
    public async Task<int> RunAsync(string experimentId, string runDirectory, IReadOnlyList<string> flags, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(runDirectory);
        File.Delete(Path.Combine(runDirectory, Results.RunResultsReader.FileName));
        string[] state = flags.Contains("--state") ? [] : ["--state", Path.Combine(runDirectory, StateFolderName)];
        string[] arguments = ["run", .. flags, "--experiment-id", experimentId, "--out", runDirectory, .. state];
        var command = ala.Format(arguments);
        log.WriteLine($"[bench] {experimentId}: {command}");

        var start = new ProcessStartInfo(ala.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in ala.Prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using (var output = new StreamWriter(Path.Combine(runDirectory, LogFileName)) { AutoFlush = true })
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ala.FileName}");
            var gate = new object();
            process.OutputDataReceived += (_, e) => Append(output, gate, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, gate, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            // The parameterless wait drains the redirected streams before the log is closed.
            process.WaitForExit();
            var record = new RunRecord(command, process.ExitCode, started, clock.Elapsed.TotalSeconds, MachineInfo.Current());
            BenchJson.Write(Path.Combine(runDirectory, RunRecord.FileName), record);
            log.WriteLine($"[bench] {experimentId}: exit {process.ExitCode} after {record.WallSeconds:0.0} s (log {Path.Combine(runDirectory, LogFileName)})");
            return process.ExitCode;
        }
    }

    /// <summary>
    /// Runs <c>ala --help</c> once when the CLI is the ./ala script, which builds the CLI when stale: arms started side
    /// by side would otherwise all build it at the same time. Throws when the CLI cannot be built or started.
    /// </summary>
    public async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (ala.Prefix.Count > 0)
        {
            return;
        }

        var start = new ProcessStartInfo(ala.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--help");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ala.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{ala.Display} --help exited {process.ExitCode}: {(await error).Trim()}");
        }
    }

    private static void Append(StreamWriter output, object gate, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.WriteLine(line);
        }
    }
}
