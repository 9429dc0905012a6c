using System.Text.Json;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.History;

/// <summary>Reads and writes history.json: camelCase JSON (enums as camelCase strings), written atomically.</summary>
public static class RunHistoryFile
{
    /// <summary>The file name next to results.json.</summary>
    public const string FileName = "history.json";

    /// <summary>Largest history read: a long run's is under 1 MiB, so this leaves room for far longer ones.</summary>
    public const long MaxBytes = 64 * BoundedFile.MiB;

    // The grain codec's options (camelCase, enum strings, NaN allowed: a diverged metric is a value, not an error).
    private static readonly JsonSerializerOptions Json = new(CoreSerialization.JsonOptions) { WriteIndented = true };

    /// <summary>The history as the file holds it.</summary>
    public static string Serialize(RunHistory history) => JsonSerializer.Serialize(history, Json);

    /// <summary>Parses a history.</summary>
    /// <exception cref="InvalidDataException">Not JSON, or not a history.</exception>
    public static RunHistory Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(() => JsonSerializer.Deserialize<RunHistory>(json, Json));
    }

    /// <summary>Reads a history file: a regular file of at most <see cref="MaxBytes"/>, parsed from its UTF-8 bytes.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="BoundedFileException">Not a regular file, or over <see cref="MaxBytes"/>.</exception>
    /// <exception cref="InvalidDataException">Not a history.</exception>
    public static RunHistory Read(string path)
    {
        var bytes = BoundedFile.ReadAllBytes(path, MaxBytes);
        return Parse(() => JsonSerializer.Deserialize<RunHistory>(bytes, Json));
    }

    private static RunHistory Parse(Func<RunHistory?> deserialize)
    {
        RunHistory? history;
        try
        {
            history = deserialize();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"not a run history: {ex.Message}", ex);
        }

        return history is { ExperimentId: not null, Options: not null, Policy: not null, Children: not null, Rewards: not null }
            ? history
            : throw new InvalidDataException("not a run history: experimentId, options, policy, children or rewards missing");
    }

    /// <summary>Creates <paramref name="directory"/> if needed and writes <see cref="FileName"/> there; returns its path.</summary>
    public static string Write(string directory, RunHistory history)
    {
        // Durable like results.json (docs/durability.md, "Durable writes").
        return AtomicFile.WriteText(directory, FileName, Serialize(history) + "\n", durable: true);
    }
}
