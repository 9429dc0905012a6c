using System.IO.Compression;
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
        var header = ReadExactly(stream, path, 16, "header", 16);
        CheckMagic(path, header, ImagesMagic, "images");
        int n = BigEndian(header, 4), rows = BigEndian(header, 8), cols = BigEndian(header, 12);
        if (n < 0 || rows <= 0 || cols <= 0)
        {
            throw new DataFormatException(path, $"invalid image header: {n} images of {rows}x{cols}");
        }

        var pixels = ReadExactly(stream, path, (long)n * rows * cols, $"{n} images of {rows}x{cols}", 16);
        return (pixels, n, rows, cols);
    }

    /// <summary>The label bytes of a label file, each checked against <paramref name="classes"/>.</summary>
    internal static byte[] ReadLabelBytes(string path, int classes)
    {
        using var stream = Open(path);
        var header = ReadExactly(stream, path, 8, "header", 8);
        CheckMagic(path, header, LabelsMagic, "labels");
        var n = BigEndian(header, 4);
        if (n < 0)
        {
            throw new DataFormatException(path, $"invalid label header: {n} labels");
        }

        var labels = ReadExactly(stream, path, n, $"{n} labels", 8);
        var bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
        {
            throw new DataFormatException(path, $"label out of range: item {bad} has label {labels[bad]}, expected 0..{classes - 1}");
        }

        return labels;
    }

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

    private static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, "missing file");
        }

        var file = File.OpenRead(path);
        Span<byte> signature = stackalloc byte[2];
        var isGzip = file.Read(signature) == 2 && signature[0] == 0x1f && signature[1] == 0x8b;
        file.Position = 0;
        return isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static byte[] ReadExactly(Stream stream, string path, long count, string what, int offset)
    {
        if (count > Array.MaxLength)
        {
            throw new DataFormatException(path, $"header says {what}, which is too large to load");
        }

        var buffer = new byte[count];
        int read;
        try
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(path, $"corrupt gzip stream ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }

        if (read < count)
        {
            var problem = what == "header"
                ? $"truncated file: {read} bytes, shorter than the {count}-byte header"
                : $"truncated file: the header says {what} ({count} bytes after the {offset}-byte header) but only {read} bytes follow";
            throw new DataFormatException(path, problem);
        }

        return buffer;
    }

    private static void CheckMagic(string path, byte[] header, int expected, string kind)
    {
        var magic = BigEndian(header, 0);
        if (magic != expected)
        {
            throw new DataFormatException(path, $"bad magic number {magic} (an IDX {kind} file starts with {expected})");
        }
    }

    private static int BigEndian(byte[] b, int offset) => (b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3];
}
