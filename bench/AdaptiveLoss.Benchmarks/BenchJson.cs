using System.Text.Json;

namespace AdaptiveLoss.Benchmarks;

/// <summary>The JSON of the benchmark's files: camelCase, indented, written atomically (temporary file + rename).</summary>
internal static class BenchJson
{
    /// <summary>The serializer options of every bench file.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write<T>(string path, T value)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(value, Options) + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads <paramref name="path"/> as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: empty JSON");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
