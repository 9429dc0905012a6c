using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Training.Children.Checkpoints;

/// <summary>
/// A child's checkpoint folder: one sub-folder per checkpoint, <c>w-NNNNNN</c> (windows done), or <c>w-NNNNNN.G</c>
/// when window NNNNNN is checkpointed again (generation G ≥ 1, after a crash between a checkpoint and the clean-up
/// followed by a rerun of the window). A checkpoint is written into <c>.tmp-w-NNNNNN-*</c>, its files and the
/// temporary folder synced, and renamed to a name no checkpoint has (rename(2) is atomic within a file system); the
/// parent folder is synced, and only then are older checkpoints and leftover temporary folders deleted. The newest
/// (window, generation) is the checkpoint, so a reader after a crash at any point finds the old or the new one
/// (docs/durability.md, "Checkpoints").
/// </summary>
internal sealed class CheckpointFolder(string path)
{
    /// <summary>Version of the manifest and state layout.</summary>
    public const int Format = 1;

    public const string ManifestName = "checkpoint.json";

    /// <summary>Largest manifest or state document read: both are a few KiB (the state holds the child's history).</summary>
    public const long MaxDocumentBytes = 16 * BoundedFile.MiB;

    private const string Prefix = "w-";
    private const string TempPrefix = ".tmp-";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A run's first metric can be NaN (an untrained child); the checkpoint must keep it as it is.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Path { get; } = path;

    /// <summary>Test seam: called after each file is written into the temporary folder, with its name.</summary>
    public Action<string>? FileWritten { get; set; }

    /// <summary>Test seam: called with the new checkpoint's folder once it is in place, before older ones are deleted.</summary>
    public Action<string>? Published { get; set; }

    /// <summary>
    /// Writes one checkpoint: each (name, writer) pair into its file, then the manifest with sizes and hashes, then
    /// the atomic rename; returns the total size in bytes.
    /// </summary>
    public long Write(string childId, int nextWindow, IReadOnlyList<(string Name, Action<Stream> Write)> files)
    {
        Directory.CreateDirectory(Path);
        var name = Prefix + nextWindow.ToString("D6", CultureInfo.InvariantCulture);
        var temp = System.IO.Path.Combine(Path, $"{TempPrefix}{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        var entries = new List<CheckpointFileEntry>();
        foreach (var (fileName, write) in files)
        {
            entries.Add(WriteFile(System.IO.Path.Combine(temp, fileName), write));
            FileWritten?.Invoke(fileName);
        }

        var manifest = new CheckpointManifest(Format, childId, nextWindow, entries.ToArray());
        var manifestEntry = WriteFile(System.IO.Path.Combine(temp, ManifestName),
            stream => JsonSerializer.Serialize(stream, manifest, Json));
        FileWritten?.Invoke(ManifestName);

        // Never over an existing checkpoint: deleting it first would leave no checkpoint until the rename.
        name = FreeName(name, nextWindow);
        FolderSync.Sync(temp);
        Directory.Move(temp, System.IO.Path.Combine(Path, name));
        FolderSync.Sync(Path);
        Published?.Invoke(System.IO.Path.Combine(Path, name));
        DeleteAllBut(name);
        return entries.Sum(e => e.Bytes) + manifestEntry.Bytes;
    }

    /// <summary>The newest complete checkpoint folder, or null when there is none.</summary>
    public string? Latest()
    {
        if (!Directory.Exists(Path))
        {
            return null;
        }

        return Directory.EnumerateDirectories(Path, Prefix + "*")
            .Select(d => (Dir: d, Key: KeyOf(System.IO.Path.GetFileName(d))))
            .Where(x => x.Key.Window >= 0)
            .OrderByDescending(x => x.Key)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    /// <summary>Reads and verifies the manifest of <paramref name="folder"/>: format, then every file's size and SHA-256.</summary>
    public static CheckpointManifest Verify(string folder)
    {
        var manifestPath = System.IO.Path.Combine(folder, ManifestName);
        CheckpointManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(BoundedFile.ReadAllBytes(manifestPath, MaxDocumentBytes), Json);
        }
        catch (BoundedFileException ex)
        {
            throw new CheckpointException(manifestPath, $"unreadable manifest: it {ex.Problem}", ex);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new CheckpointException(manifestPath, $"unreadable manifest ({ex.GetType().Name})", ex);
        }

        if (manifest?.Files is null || manifest.ChildId is null)
        {
            throw new CheckpointException(manifestPath, "manifest without child or file list");
        }

        if (manifest.Format != Format)
        {
            throw new CheckpointException(manifestPath, $"format {manifest.Format}, this build reads format {Format}");
        }

        foreach (var entry in manifest.Files)
        {
            var file = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(entry.Name));
            if (!File.Exists(file))
            {
                throw new CheckpointException(file, "missing");
            }

            var length = new FileInfo(file).Length;
            if (length != entry.Bytes)
            {
                throw new CheckpointException(file, $"{length} bytes, the manifest says {entry.Bytes} (truncated?)");
            }

            if (!string.Equals(Sha256(file), entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new CheckpointException(file, "SHA-256 differs from the manifest (corrupt or edited)");
            }
        }

        return manifest;
    }

    private static CheckpointFileEntry WriteFile(string file, Action<Stream> write)
    {
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
        {
            write(stream);
            // To the disk, not only the page cache: the rename must never publish a folder whose data is not there.
            stream.Flush(flushToDisk: true);
        }

        return new CheckpointFileEntry(System.IO.Path.GetFileName(file), new FileInfo(file).Length, Sha256(file));
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // (window, generation) of "w-NNNNNN" (generation 0) or "w-NNNNNN.G"; window -1 for any other name.
    private static (int Window, int Generation) KeyOf(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (-1, 0);
        }

        var rest = name.AsSpan(Prefix.Length);
        var dot = rest.IndexOf('.');
        var generation = 0;
        return int.TryParse(dot < 0 ? rest : rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var window)
            && (dot < 0 || (int.TryParse(rest[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out generation) && generation > 0))
            ? (window, generation)
            : (-1, 0);
    }

    private static int WindowOf(string name) => KeyOf(name).Window;

    // The name for a checkpoint of window `window`: "w-NNNNNN", or the next generation when that window has one.
    private string FreeName(string name, int window)
    {
        var taken = Directory.EnumerateDirectories(Path, Prefix + "*").Select(d => KeyOf(System.IO.Path.GetFileName(d)))
            .Where(k => k.Window == window).Select(k => k.Generation + 1).DefaultIfEmpty(0).Max();
        return taken == 0 ? name : $"{name}.{taken.ToString(CultureInfo.InvariantCulture)}";
    }

    private void DeleteAllBut(string keep)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (name != keep && (WindowOf(name) >= 0 || name.StartsWith(TempPrefix, StringComparison.Ordinal)))
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover old checkpoint is harmless: Latest() picks the newest; the next write retries.
                }
            }
        }
    }
}
