using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>What one run folder holds: results.json (null if absent or unreadable) and bench-run.json (null outside ./bench.sh).</summary>
/// <param name="Directory">The folder.</param>
/// <param name="Results">The experiment's results.</param>
/// <param name="Record">The runner's record of the command.</param>
/// <param name="Error">Why a present file could not be read, if so.</param>
internal sealed record RunFolder(string Directory, RunResults? Results, RunRecord? Record, string? Error)
{
    /// <summary>The run's history.json, or null when it has none or it cannot be read (runs made before the CLI wrote one).</summary>
    public RunHistory? ReadHistory()
    {
        var path = Path.Combine(Directory, RunHistoryFile.FileName);
        try
        {
            return File.Exists(path) ? RunHistoryFile.Read(path) : null;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Reads <paramref name="directory"/>; never throws for a missing or malformed file (the report says so instead).</summary>
    public static RunFolder Read(string directory)
    {
        try
        {
            return new RunFolder(directory, RunResultsReader.TryRead(directory), RunRecord.TryRead(directory), null);
        }
        catch (InvalidDataException e)
        {
            return new RunFolder(directory, null, null, e.Message);
        }
    }
}
