using System.Globalization;
using System.Text;

namespace AdaptiveLoss.Core.IO;

/// <summary>
/// Reads whole files into memory with a ceiling (docs/design.md §4: bad input never exhausts memory): only regular files
/// are opened — a FIFO, a device, a socket or a folder is refused before it is opened, since opening a FIFO blocks and
/// /dev/zero never ends — and at most the limit plus one byte is read, so a file that grows while it is read is refused
/// too. Every refusal is a <see cref="BoundedFileException"/>; a missing file is the usual <see cref="FileNotFoundException"/>.
/// </summary>
public static class BoundedFile
{
    /// <summary>One mebibyte, for limits.</summary>
    public const long MiB = 1L << 20;

    /// <summary>Opens <paramref name="path"/> for reading if it is a regular file (symbolic links followed).</summary>
    public static FileStream OpenRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FileKind.NotRegular(path) is { } kind)
        {
            throw new BoundedFileException(path, $"is {kind}, not a regular file");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>The bytes of <paramref name="path"/>, a regular file of at most <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadAllBytes(string path, long limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var stream = OpenRegular(path);
        var length = stream.CanSeek ? stream.Length : 0;
        if (length > limit)
        {
            throw TooLarge(path, limit);
        }

        // The length is a hint only: read until the end, but never more than limit + 1 bytes.
        var buffer = new MemoryStream((int)Math.Min(length + 1, int.MaxValue));
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw TooLarge(path, limit);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The text of <paramref name="path"/> (UTF-8, a byte-order mark skipped), at most <paramref name="limit"/> bytes.</summary>
    public static string ReadAllText(string path, long limit)
    {
        var bytes = ReadAllBytes(path, limit);
        var preamble = Encoding.UTF8.Preamble;
        return bytes.AsSpan().StartsWith(preamble) ? Encoding.UTF8.GetString(bytes, preamble.Length, bytes.Length - preamble.Length) : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>"32 MiB", "64 KiB" or "100 bytes": a limit as a message states it.</summary>
    public static string Describe(long bytes) =>
        bytes >= MiB && bytes % MiB == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB")
        : bytes >= 1024 && bytes % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static BoundedFileException TooLarge(string path, long limit) => new(path, $"is larger than {Describe(limit)}");
}
