namespace AdaptiveLoss.Core.IO;

/// <summary>
/// Whether a folder a run will write into can be written, asked before anything starts and without writing anything
/// (docs/design.md §4: bad input is refused before any work, nothing written): the folder, or where it does not exist
/// yet the nearest existing folder above it, must let this process create entries (access(2), W_OK | X_OK). As root,
/// access(2) says yes to every folder on a writable file system.
/// </summary>
public static class WritableFolder
{
    /// <summary>Why <paramref name="folder"/> cannot be written ("is not writable", "cannot be created: /a is a file"), or null.</summary>
    public static string? Problem(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return existing == full ? "is a file, not a folder" : $"cannot be created: {existing} is a file";
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return "cannot be created: no folder above it exists";
            }
        }

        if (FileKind.CanWriteInto(existing))
        {
            return null;
        }

        return existing == full ? "is not writable" : $"cannot be created: {existing} is not writable";
    }
}
