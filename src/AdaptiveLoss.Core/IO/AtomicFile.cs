using System.Text;

namespace AdaptiveLoss.Core.IO;

/// <summary>Writes a file so that a reader sees the old content or the whole new one, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>Creates <paramref name="directory"/> if needed and writes <paramref name="text"/> to <paramref name="fileName"/> there; returns its path.</summary>
    public static string WriteText(string directory, string fileName, string text) =>
        WriteBytes(directory, fileName, Encoding.UTF8.GetBytes(text), durable: false);

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="fileName"/> in <paramref name="directory"/> (created if needed)
    /// and returns its path. <paramref name="durable"/> flushes the data to the disk before the rename, so the new
    /// content also survives a power loss, not only a killed process (grain state, docs/durability.md).
    /// </summary>
    public static string WriteBytes(string directory, string fileName, ReadOnlySpan<byte> bytes, bool durable)
    {
        Directory.CreateDirectory(directory);
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

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }
}
