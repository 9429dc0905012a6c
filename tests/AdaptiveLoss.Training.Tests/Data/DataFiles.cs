using System.IO.Compression;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

/// <summary>Writes small IDX and CIFAR-10 binary files for the reader tests.</summary>
internal static class DataFiles
{
    /// <summary>An IDX image file: magic, n, rows, cols (big-endian), then the pixels; optionally gzip-compressed.</summary>
    public static void WriteImages(string path, int count, int rows, int cols, byte[] pixels, bool gzip = false,
        int magic = IdxReader.ImagesMagic)
    {
        var header = BigEndian(magic, count, rows, cols);
        Write(path, header.Concat(pixels).ToArray(), gzip);
    }

    /// <summary>An IDX label file: magic, n (big-endian), then the labels.</summary>
    public static void WriteLabels(string path, byte[] labels, bool gzip = false, int magic = IdxReader.LabelsMagic, int? count = null)
    {
        var header = BigEndian(magic, count ?? labels.Length);
        Write(path, header.Concat(labels).ToArray(), gzip);
    }

    /// <summary>Pixels where image i has every pixel equal to (i * 7 + position) mod 256.</summary>
    public static byte[] Pixels(int count, int rows, int cols) =>
        Enumerable.Range(0, count * rows * cols).Select(k => (byte)((k / (rows * cols) * 7 + k % (rows * cols)) % 256)).ToArray();

    /// <summary>An MNIST-format folder: train (n images) and t10k (m images) of rows × cols, labels i mod 10.</summary>
    public static void WriteIdxFolder(string folder, int train, int test, int rows = 8, int cols = 8, bool gzip = true)
    {
        var suffix = gzip ? ".gz" : string.Empty;
        WriteImages(Path.Combine(folder, "train-images-idx3-ubyte" + suffix), train, rows, cols, ImageByIndex(train, rows * cols), gzip);
        WriteLabels(Path.Combine(folder, "train-labels-idx1-ubyte" + suffix), LabelsByIndex(train), gzip);
        WriteImages(Path.Combine(folder, "t10k-images-idx3-ubyte" + suffix), test, rows, cols, ImageByIndex(test, rows * cols), gzip);
        WriteLabels(Path.Combine(folder, "t10k-labels-idx1-ubyte" + suffix), LabelsByIndex(test), gzip);
    }

    /// <summary>Every pixel of image i equals i (mod 256): the split tests can tell images apart.</summary>
    public static byte[] ImageByIndex(int count, int pixelsPerImage) =>
        Enumerable.Range(0, count * pixelsPerImage).Select(k => (byte)(k / pixelsPerImage % 256)).ToArray();

    public static byte[] LabelsByIndex(int count) => Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();

    /// <summary>CIFAR-10 records: label byte then 3,072 pixel bytes; record r's pixel k is (r + k) mod 256.</summary>
    public static void WriteCifar(string path, byte[] labels)
    {
        var bytes = new List<byte>();
        for (var r = 0; r < labels.Length; r++)
        {
            bytes.Add(labels[r]);
            bytes.AddRange(Enumerable.Range(0, CifarReader.ImageBytes).Select(k => (byte)((r + k) % 256)));
        }

        File.WriteAllBytes(path, bytes.ToArray());
    }

    private static byte[] BigEndian(params int[] values) =>
        values.SelectMany(v => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v }).ToArray();

    private static void Write(string path, byte[] bytes, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }

        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }
}
