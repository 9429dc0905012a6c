using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Core.Policy.Snapshots;

/// <summary>Reads and writes snapshot files: bounded reads, atomic writes (a temporary file renamed over the target).</summary>
public static class PolicySnapshotFile
{
    /// <summary>
    /// Writes <paramref name="snapshot"/> to <paramref name="path"/> atomically and durably (docs/durability.md, "Durable
    /// writes"): a reader never sees half a file, and a snapshot that was written survives a power loss.
    /// </summary>
    public static void Write(string path, PolicySnapshot snapshot)
    {
        var json = PolicySnapshotCodec.Encode(snapshot);
        var full = Path.GetFullPath(path);
        AtomicFile.WriteText(Path.GetDirectoryName(full)!, Path.GetFileName(full), json, durable: true);
    }

    /// <summary>Reads and validates <paramref name="path"/>; every failure is a <see cref="PolicySnapshotException"/> naming the file.</summary>
    public static PolicySnapshot Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (!File.Exists(path))
            {
                throw new PolicySnapshotException($"policy snapshot {path}: no such file");
            }

            // Bounded and regular files only: /dev/zero or a FIFO named as a snapshot is refused, not read forever.
            return PolicySnapshotCodec.Decode(BoundedFile.ReadAllText(path, PolicySnapshotCodec.MaxBytes), path);
        }
        catch (BoundedFileException ex)
        {
            throw new PolicySnapshotException($"policy snapshot {path}: {ex.Problem}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicySnapshotException($"policy snapshot {path}: cannot be read ({ex.Message})", ex);
        }
    }
}
