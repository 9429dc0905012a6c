using System.Globalization;
using System.Text;

namespace AdaptiveLoss.Core.IO;

/// <summary>
/// One owner per state folder (docs/durability.md, "One owner per state folder"): an exclusive lock on
/// STATE/<see cref="FileName"/>, held from <see cref="Acquire"/> to <see cref="Dispose"/>. On Linux and macOS .NET opens a
/// <see cref="FileShare.None"/> stream with flock(LOCK_EX | LOCK_NB), an advisory lock that the kernel releases when the
/// process ends however it ends (SIGKILL included), so a dead owner never blocks the folder. Who holds it is written
/// to STATE/<see cref="OwnerFileName"/> (the lock file itself cannot be read by another process while it is held).
/// The lock file is never deleted: deleting it would let a process lock a file that is no longer the folder's.
/// </summary>
public sealed class StateFolderLock : IDisposable
{
    /// <summary>The lock file's name in the state folder.</summary>
    public const string FileName = "ala.lock";

    /// <summary>The name of the file that says who holds the lock ("pid 123, ala run exp1, since …").</summary>
    public const string OwnerFileName = "ala.lock.owner";

    // A hand-written owner file could be anything: only its first line, and only this much of it, is shown.
    private const int OwnerLimit = 200;

    private readonly FileStream _stream;

    private StateFolderLock(string directory, FileStream stream) => (Directory, _stream) = (directory, stream);

    /// <summary>The locked folder (full path).</summary>
    public string Directory { get; }

    /// <summary>
    /// Creates <paramref name="stateDirectory"/> if needed and locks it for this process, described to others as
    /// <paramref name="owner"/> (e.g. "ala run exp1").
    /// </summary>
    /// <exception cref="StateFolderBusyException">Another process (or another lock of this one) holds it.</exception>
    public static StateFolderLock Acquire(string stateDirectory, string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        ArgumentNullException.ThrowIfNull(owner);
        var directory = Path.GetFullPath(stateDirectory);
        System.IO.Directory.CreateDirectory(directory);
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            // EWOULDBLOCK from flock: .NET's sharing violation.
            throw new StateFolderBusyException(directory, ReadOwner(directory), ex);
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}, {owner}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
        try
        {
            AtomicFile.WriteText(directory, OwnerFileName, description + "\n");
        }
        catch (Exception)
        {
            stream.Dispose();
            throw;
        }

        return new StateFolderLock(directory, stream);
    }

    /// <summary>Who holds the lock of <paramref name="stateDirectory"/> as the owner file says (first line, bounded); null when unknown.</summary>
    public static string? ReadOwner(string stateDirectory)
    {
        try
        {
            using var file = new FileStream(Path.Combine(stateDirectory, OwnerFileName), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[OwnerLimit];
            var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var line = Encoding.UTF8.GetString(buffer, 0, read).Split('\n', 2)[0].Trim();
            return line.Length == 0 || line.Any(char.IsControl) ? null : line;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Releases the lock (the owner file first, so no later reader names a process that let go).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path.Combine(Directory, OwnerFileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale owner file is only a description: the next owner replaces it.
        }

        _stream.Dispose();
    }
}
