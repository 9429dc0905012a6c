namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// bench-run.json, written next to results.json by the runner: the exact command, its exit code and time, and the
/// machine. Run folders made outside ./bench.sh have none; the report then shows the arm's command as the
/// benchmark defines it.
/// </summary>
/// <param name="Command">The command line as a shell would run it.</param>
/// <param name="ExitCode">The exit code of <c>ala run</c>.</param>
/// <param name="StartedUtc">Start time.</param>
/// <param name="WallSeconds">Wall-clock seconds of the process.</param>
/// <param name="Machine">Where it ran.</param>
internal sealed record RunRecord(string Command, int ExitCode, DateTimeOffset StartedUtc, double WallSeconds, MachineInfo Machine)
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "bench-run.json";

    /// <summary>The record of <paramref name="runDirectory"/>, or null.</summary>
    public static RunRecord? TryRead(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        return File.Exists(path) ? BenchJson.Read<RunRecord>(path) : null;
    }
}
