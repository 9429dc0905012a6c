using System.Diagnostics;

namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// Runs <c>ala run</c> as a process, as a user would: its output goes to <c>ala.log</c> in the run folder and the
/// exact command to <c>bench-run.json</c>. A stale results.json is removed first so that a failed run never leaves
/// an older result to be analysed as if it were this one.
/// </summary>
internal sealed class AlaRunner(AlaCommand ala, TextWriter log)
{
    /// <summary>The log file name inside a run folder.</summary>
    public const string LogFileName = "ala.log";

    /// <summary>Runs <c>ala run FLAGS --experiment-id ID --out RUNDIR</c>; returns the exit code.</summary>
    public async Task<int> RunAsync(string experimentId, string runDirectory, IReadOnlyList<string> flags, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(runDirectory);
        File.Delete(Path.Combine(runDirectory, Results.RunResultsReader.FileName));
        string[] arguments = ["run", .. flags, "--experiment-id", experimentId, "--out", runDirectory];
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
