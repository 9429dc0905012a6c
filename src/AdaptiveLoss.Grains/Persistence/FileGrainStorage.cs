using AdaptiveLoss.Core.IO;
using Orleans.Storage;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// Grain storage in files (docs/durability.md, the embedded default): one JSON document per grain state at
/// <c>ROOT/&lt;state&gt;/&lt;grain type&gt;/&lt;escaped key&gt;.json</c>, replaced atomically (temporary file, fsync,
/// rename), so a killed process leaves the previous document or the new one. The ETag is the file's last write time and
/// length: a write from an activation that did not read the current document fails with
/// <see cref="InconsistentStateException"/>, as Orleans' own providers do. One process per folder.
/// </summary>
public sealed class FileGrainStorage(string root, IGrainStorageSerializer serializer) : IGrainStorage
{
    /// <summary>
    /// Largest grain state document read: a coordinator's with the largest policy and its replay memory is tens of MiB;
    /// a larger or non-regular file is refused, not read until memory runs out.
    /// </summary>
    public const long MaxDocumentBytes = 256 * BoundedFile.MiB;

    /// <summary>The folder holding every document.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
            return Task.CompletedTask;
        }

        try
        {
            var bytes = BoundedFile.ReadAllBytes(path, MaxDocumentBytes);
            grainState.State = serializer.Deserialize<T>(new BinaryData(bytes));
        }
        catch (BoundedFileException ex)
        {
            throw new InvalidDataException($"grain state {path} cannot be read: it {ex.Problem}", ex);
        }
        catch (Exception ex) when (ex is not FileNotFoundException)
        {
            throw new InvalidDataException($"grain state {path} cannot be read: {ex.Message}", ex);
        }

        (grainState.ETag, grainState.RecordExists) = (ETagOf(path), true);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag);
        var bytes = serializer.Serialize(grainState.State).ToMemory().Span;
        AtomicFile.WriteBytes(Path.GetDirectoryName(path)!, Path.GetFileName(path), bytes, durable: true);
        (grainState.ETag, grainState.RecordExists) = (ETagOf(path), true);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag);
        File.Delete(path);
        (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
        return Task.CompletedTask;
    }

    /// <summary>The document of <paramref name="grainId"/>'s state <paramref name="stateName"/> (it may not exist).</summary>
    public string PathOf(string stateName, GrainId grainId) =>
        Path.Combine(Root, Escape(stateName), Escape(grainId.Type.ToString()!), Escape(grainId.Key.ToString()!) + ".json");

    // Keys such as "exp/0" become one file name: every character outside [A-Za-z0-9-_.] is %-escaped.
    private static string Escape(string name) => name is "." or ".." ? Uri.EscapeDataString(name).Replace(".", "%2E", StringComparison.Ordinal) : Uri.EscapeDataString(name);

    private static string? ETagOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}" : null;
    }

    private static void CheckETag(string path, string? expected)
    {
        var current = ETagOf(path);
        if (current is not null && current != expected)
        {
            throw new InconsistentStateException($"grain state {path} changed since it was read", current, expected ?? "(none)");
        }
    }
}
