using System.Text.Json;

namespace AdaptiveLoss.Benchmarks.Results;

/// <summary>Reads a run folder's results.json (docs/design.md §4).</summary>
internal static class RunResultsReader
{
    /// <summary>The file name the CLI writes into <c>--out</c>.</summary>
    public const string FileName = "results.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The results of <paramref name="runDirectory"/>, or null when it has no results.json (not run, still running, or failed).</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a results.json.</exception>
    public static RunResults? TryRead(string runDirectory)
    {
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var results = JsonSerializer.Deserialize<RunResults>(File.ReadAllText(path), Json);
            if (results?.Children is null || results.Policy is null)
            {
                throw new InvalidDataException($"{path}: not a results.json (children or policy missing)");
            }

            return results with { Rewards = results.Rewards ?? [] };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
