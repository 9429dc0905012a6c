namespace AdaptiveLoss.Core.IO;

/// <summary>Writes a file so that a reader sees the old content or the whole new one, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>Creates <paramref name="directory"/> if needed and writes <paramref name="text"/> to <paramref name="fileName"/> there; returns its path.</summary>
    public static string WriteText(string directory, string fileName, string text)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        // A temporary file in the same folder, so the rename over the target is atomic.
        var temporary = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }
}
