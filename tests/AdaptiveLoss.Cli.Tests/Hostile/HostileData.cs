using System.IO.Compression;

namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>Small MNIST-format folders, valid or broken in one way, for the hostile-input tests.</summary>
internal static class HostileData
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    /// <summary>A valid folder: <paramref name="train"/> and <paramref name="test"/> images of 8×8, labels i mod 10.</summary>
    public static string IdxFolder(string parent, int train = 200, int test = 50, bool gzip = false)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, "data")).FullName;
        WriteImages(Path.Combine(folder, TrainImages), train, 8, 8, gzip);
        WriteLabels(Path.Combine(folder, TrainLabels), Labels(train), gzip);
        WriteImages(Path.Combine(folder, TestImages), test, 8, 8, gzip);
        WriteLabels(Path.Combine(folder, TestLabels), Labels(test), gzip);
        return folder;
    }

    /// <summary>An IDX image file whose header says <paramref name="count"/> images of rows × cols, with <paramref name="pixels"/> bytes after it (all of them by default).</summary>
    public static void WriteImages(string path, int count, int rows, int cols, bool gzip = false, long? pixels = null, int magic = 2051)
    {
        var body = new byte[pixels ?? (long)count * rows * cols];
        for (var k = 0; k < body.Length; k++)
        {
            body[k] = (byte)(k * 31 % 256);
        }

        Write(path, BigEndian(magic, count, rows, cols).Concat(body).ToArray(), gzip);
    }

    /// <summary>An IDX label file whose header says <paramref name="count"/> labels (by default as many as given).</summary>
    public static void WriteLabels(string path, byte[] labels, bool gzip = false, int? count = null, int magic = 2049) =>
        Write(path, BigEndian(magic, count ?? labels.Length).Concat(labels).ToArray(), gzip);

    public static byte[] Labels(int count) => Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();

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
