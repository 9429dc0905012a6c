using System.Text.Json;

namespace AdaptiveLoss.Cli.Output;

/// <summary>Writes results.json atomically: a temporary file in the same folder, then a rename over the target.</summary>
internal static class ResultsWriter
{
    /// <summary>The file name inside <c>--out</c> (spec §4).</summary>
    public const string FileName = "results.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The document as the file holds it (camelCase, indented).</summary>
    public static string Serialize(ResultsDocument document) => JsonSerializer.Serialize(document, Json);

    /// <summary>Creates <paramref name="outDirectory"/> if needed and writes the file; returns its path.</summary>
    public static string Write(string outDirectory, ResultsDocument document)
    {
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, FileName);
        // Same folder, so the rename is atomic: a reader sees the old file or the whole new one, never half.
        var temporary = Path.Combine(outDirectory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, Serialize(document) + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }
}
