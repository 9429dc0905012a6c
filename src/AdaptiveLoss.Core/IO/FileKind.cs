using System.Runtime.InteropServices;

namespace AdaptiveLoss.Core.IO;

/// <summary>
/// What kind of file a path names, asked of the kernel without opening it: opening a FIFO for reading blocks until a
/// writer comes, so a reader must know it is one before it opens it (docs/design.md §4, hostile input).
/// </summary>
internal static class FileKind
{
    // statx(2)'s struct is the same on every Linux architecture (unlike stat's), which is why it is used here.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;

    /// <summary>
    /// "a FIFO", "a character device", "a block device", "a socket" or "a folder" for what is not a regular file (symbolic
    /// links followed); null for a regular file, a missing path, or where the kernel cannot be asked (then the caller's
    /// size limit still bounds the read).
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (Directory.Exists(path))
        {
            return "a folder";
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x4000 => "a folder",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    /// <summary>access(2) with W_OK | X_OK: whether this process may create entries in <paramref name="folder"/>; true off Linux.</summary>
    public static bool CanWriteInto(string folder) => !OperatingSystem.IsLinux() || Access(folder, 2 | 1) == 0;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
