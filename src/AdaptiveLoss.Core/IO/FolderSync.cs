using System.Runtime.InteropServices;
using System.Text;

namespace AdaptiveLoss.Core.IO;

/// <summary>
/// fsync(2) of a folder, so that a file created or renamed in it survives a power loss, not only a killed process
/// (docs/durability.md, "Durable writes"). .NET opens no handle on a folder, hence open(2) + fsync(2) from libc. Linux
/// and macOS only: Windows has no equivalent, there it does nothing.
/// </summary>
public static class FolderSync
{
    // O_RDONLY | O_CLOEXEC; O_DIRECTORY differs between architectures, and a folder opens read-only without it.
    private const int OpenReadOnlyCloseOnExec = 0x80000;

    private static long _syncs;

    /// <summary>Folders synced by this process so far (tests check that a durable write reached the folder).</summary>
    public static long Count => Interlocked.Read(ref _syncs);

    /// <summary>Flushes <paramref name="directory"/>'s entries to the disk.</summary>
    /// <exception cref="IOException">The folder cannot be opened or synced (the errno in the message).</exception>
    public static void Sync(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Encoding.UTF8.GetBytes(Path.GetFullPath(directory) + "\0");
        var fd = open(path, OperatingSystem.IsLinux() ? OpenReadOnlyCloseOnExec : 0);
        if (fd < 0)
        {
            throw new IOException($"cannot open folder {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"cannot sync folder {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = close(fd);
        }

        Interlocked.Increment(ref _syncs);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for three int-returning calls.
    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}
