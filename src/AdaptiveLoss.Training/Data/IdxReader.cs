using System.IO.Compression;
using AdaptiveLoss.Core.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// Reader of the MNIST IDX format (MNIST, KMNIST, Fashion-MNIST; docs/design.md §2): a big-endian header (magic number, item
/// count, and for images rows and columns) followed by unsigned bytes. Files are read in place, gzip-compressed
/// (detected by the gzip signature, whatever the name) or raw. Every problem is a one-line
/// <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an IDX image file (unsigned bytes, 3 dimensions).</summary>
    public const int ImagesMagic = 2051;

    // The first buffer of a gzip body; it doubles as data arrives.
    private const int GrowFrom = 1 << 20;

    /// <summary>Magic number of an IDX label file (unsigned bytes, 1 dimension).</summary>
    public const int LabelsMagic = 2049;

    /// <summary>Images as float32 [n, 1, rows, cols] scaled to [0, 1] (divided by 255); detached from any dispose scope.</summary>
    public static Tensor ReadImages(string path)
    {
        var (pixels, n, rows, cols) = ReadImageBytes(path);
        using var raw = torch.tensor(pixels, new long[] { n, 1, rows, cols }, ScalarType.Byte);
        return raw.to_type(ScalarType.Float32).div_(255.0f).DetachFromDisposeScope();
    }

    /// <summary>Labels as int64 [n]; each must be below <paramref name="classes"/>. Detached from any dispose scope.</summary>
    public static Tensor ReadLabels(string path, int classes)
    {
        var labels = ReadLabelBytes(path, classes);
        using var raw = torch.tensor(labels, new long[] { labels.Length }, ScalarType.Byte);
        return raw.to_type(ScalarType.Int64).DetachFromDisposeScope();
    }

    /// <summary>The pixel bytes of an image file with its shape.</summary>
    internal static (byte[] Pixels, int Count, int Rows, int Cols) ReadImageBytes(string path)
    {
        using var stream = Open(path);
        var header = IdxHeader.Images(path, ReadExactly(stream, path, 16, "header", 16));
        var pixels = ReadExactly(stream, path, header.BodyBytes, header.Describe(), 16);
        return (pixels, header.Count, header.Rows, header.Cols);
    }

    /// <summary>The label bytes of a label file, each checked against <paramref name="classes"/>.</summary>
    internal static byte[] ReadLabelBytes(string path, int classes)
    {
        using var stream = Open(path);
        var header = IdxHeader.Labels(path, ReadExactly(stream, path, 8, "header", 8));
        var labels = ReadExactly(stream, path, header.Count, header.Describe(), 8);
        var bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
        {
            throw LabelOutOfRange(path, bad, labels[bad], classes);
        }

        return labels;
    }

    /// <summary>The one-line error for label <paramref name="label"/> of item <paramref name="item"/>.</summary>
    internal static DataFormatException LabelOutOfRange(string path, long item, int label, int classes) =>
        new(path, $"label out of range: item {item} has label {label}, expected 0..{classes - 1}");

    /// <summary>The one-line error for a body shorter than its header says.</summary>
    internal static DataFormatException Truncated(string path, string what, long count, int offset, long available) =>
        new(path, $"truncated file: the header says {what} ({count} bytes after the {offset}-byte header) but only {available} bytes follow");

    /// <summary>The file <paramref name="name"/> in <paramref name="folder"/>, raw or with ".gz" (raw preferred).</summary>
    public static string Resolve(string folder, string name)
    {
        var raw = Path.Combine(folder, name);
        if (File.Exists(raw))
        {
            return raw;
        }

        var gz = raw + ".gz";
        if (File.Exists(gz))
        {
            return gz;
        }

        throw new DataFormatException(raw, "missing file (looked for it with and without .gz)");
    }

    /// <summary>
    /// <paramref name="path"/> for reading, decompressed when it is gzip (by its signature, whatever the name); only a
    /// regular file is opened (a FIFO would block, a device never end).
    /// </summary>
    internal static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, "missing file");
        }

        FileStream file;
        try
        {
            file = BoundedFile.OpenRegular(path);
        }
        catch (BoundedFileException ex)
        {
            throw new DataFormatException(path, ex.Problem, ex);
        }

        Span<byte> signature = stackalloc byte[2];
        var isGzip = file.Read(signature) == 2 && signature[0] == 0x1f && signature[1] == 0x8b;
        file.Position = 0;
        return isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The first <paramref name="count"/> bytes of <paramref name="stream"/>; fewer is a "truncated" error.</summary>
    internal static byte[] ReadExactly(Stream stream, string path, long count, string what, int offset)
    {
        if (count > Array.MaxLength)
        {
            throw new DataFormatException(path, $"header says {what}, which is too large to load");
        }

        // A header may claim gigabytes that are not there: a raw file's length says so before anything is allocated,
        // and a gzip stream's buffer grows only as data arrives, so memory follows the data, not the header.
        if (stream is FileStream file && file.Length - file.Position < count)
        {
            throw Short(path, what, count, offset, file.Length - file.Position);
        }

        var buffer = new byte[stream is FileStream ? count : Math.Min(count, GrowFrom)];
        var read = 0;
        try
        {
            while (read < count)
            {
                if (read == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
                }

                var got = stream.Read(buffer, read, buffer.Length - read);
                if (got == 0)
                {
                    break;
                }

                read += got;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(path, $"corrupt gzip stream ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }

        return read < count ? throw Short(path, what, count, offset, read) : buffer;
    }

    private static DataFormatException Short(string path, string what, long count, int offset, long available) =>
        what == "header"
            ? new DataFormatException(path, $"truncated file: {available} bytes, shorter than the {count}-byte header")
            : Truncated(path, what, count, offset, available);
}
