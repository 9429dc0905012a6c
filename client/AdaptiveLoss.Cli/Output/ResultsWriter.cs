using System.Globalization;
using System.Text.Json;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// Writes results.json atomically and durably: a temporary file in the same folder, fsynced, renamed into place, the
/// folder fsynced (docs/durability.md, "Durable writes").
/// </summary>
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

    /// <summary>
    /// Creates <paramref name="outDirectory"/> if needed and writes the file; returns its path. Without
    /// <paramref name="overwrite"/> an existing results.json is kept and an <see cref="IOException"/> thrown.
    /// </summary>
    public static string Write(string outDirectory, ResultsDocument document, bool overwrite = true) =>
        AtomicFile.WriteBytes(outDirectory, FileName, System.Text.Encoding.UTF8.GetBytes(Serialize(document) + "\n"), durable: true, overwrite);

    /// <summary>
    /// Writes the results of <paramref name="experimentId"/> to <paramref name="outDirectory"/>; returns the folder they
    /// went to. Without <paramref name="force"/> a results.json that appeared there since the run was checked (another
    /// run racing for the same <c>--out</c>) is never replaced: this run's results go to the first free folder
    /// <c>OUT-&lt;experimentId&gt;</c>, <c>OUT-&lt;experimentId&gt;-2</c>, … instead (docs/cli.md, "Files a run writes").
    /// </summary>
    public static string Publish(string outDirectory, string experimentId, ResultsDocument document, bool force)
    {
        if (force)
        {
            Write(outDirectory, document);
            return outDirectory;
        }

        var trimmed = Path.TrimEndingDirectorySeparator(outDirectory);
        for (var attempt = 0; ; attempt++)
        {
            var folder = attempt switch
            {
                0 => outDirectory,
                1 => $"{trimmed}-{experimentId}",
                _ => string.Create(CultureInfo.InvariantCulture, $"{trimmed}-{experimentId}-{attempt}"),
            };
            try
            {
                Write(folder, document, overwrite: false);
                return folder;
            }
            catch (IOException) when (attempt < 100 && File.Exists(Path.Combine(folder, FileName)))
            {
                // Taken: try the next folder.
            }
        }
    }
}
