using System.Text;

namespace AdaptiveLoss.Core.IO;

/// <summary>Writes a file so that a reader sees the old content or the whole new one, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Creates <paramref name="directory"/> if needed and writes <paramref name="text"/> to <paramref name="fileName"/>
    /// there; returns its path. <paramref name="durable"/> as in <see cref="WriteBytes"/>.
    /// </summary>
    public static string WriteText(string directory, string fileName, string text, bool durable = false) =>
        WriteBytes(directory, fileName, Encoding.UTF8.GetBytes(text), durable);

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="fileName"/> in <paramref name="directory"/> (created if needed)
    /// and returns its path. <paramref name="durable"/> flushes the data to the disk before the rename and the folder
    /// after it, so the new content also survives a power loss, not only a killed process (docs/durability.md,
    /// "Durable writes"). With <paramref name="overwrite"/> false an existing file is kept and an
    /// <see cref="IOException"/> thrown: the test and the rename are one step (link(2), see <see cref="File.Move(string, string, bool)"/>),
    /// so of two writers racing for one name the later one fails instead of replacing the first one's file.
    /// </summary>
    public static string WriteBytes(string directory, string fileName, ReadOnlySpan<byte> bytes, bool durable, bool overwrite = true)
    {
        CreateDirectory(directory, durable);
        var path = Path.Combine(directory, fileName);
        // A temporary file in the same folder, so the rename over the target is atomic.
        var temporary = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: durable);
            }

            Publish(temporary, path, durable, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    /// <summary>
    /// Creates <paramref name="directory"/> and any missing parents; <paramref name="durable"/> also syncs the folder
    /// above each one created, so a new folder's own entry survives a power loss (a new STATE/policies/&lt;id&gt;).
    /// </summary>
    public static void CreateDirectory(string directory, bool durable)
    {
        var created = new List<string>();
        for (var folder = Path.GetFullPath(directory); !Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent; folder = parent)
        {
            created.Add(folder);
        }

        Directory.CreateDirectory(directory);
        if (durable)
        {
            foreach (var folder in Enumerable.Reverse(created))
            {
                FolderSync.Sync(Path.GetDirectoryName(folder)!);
            }
        }
    }

    /// <summary>
    /// Renames the finished file <paramref name="temporary"/> to <paramref name="path"/> (same folder) and, when
    /// <paramref name="durable"/>, syncs the folder so the rename itself is on the disk.
    /// </summary>
    public static void Publish(string temporary, string path, bool durable, bool overwrite = true)
    {
        File.Move(temporary, path, overwrite);
        if (durable)
        {
            FolderSync.Sync(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }
}
