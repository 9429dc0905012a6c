using System.Text.Json;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Cli.Output;

/// <summary>Writes results.json atomically: a temporary file in the same folder, then a rename over the target.</summary>
internal static class ResultsWriter
{
    /// <summary>The file name inside <c>--out</c> (docs/design.md §4).</summary>
    public const string FileName = "results.json";

    // A class absent from a tiny test split has no error (NaN): written as "NaN" rather than failing the whole file.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The document as the file holds it (camelCase, indented).</summary>
    public static string Serialize(ResultsDocument document) => JsonSerializer.Serialize(document, Json);

    /// <summary>Creates <paramref name="outDirectory"/> if needed and writes the file; returns its path.</summary>
    public static string Write(string outDirectory, ResultsDocument document)
    {
        return AtomicFile.WriteText(outDirectory, FileName, Serialize(document) + "\n");
    }
}
