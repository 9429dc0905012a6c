using System.Buffers.Binary;
using System.IO.Compression;
using AdaptiveLoss.Benchmarks.Costs;

namespace AdaptiveLoss.Benchmarks.Tests;

public sealed class SmokeDataTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Prepare_GzipIdxFiles_CutsTheFirstItemsWithTheirCountInTheHeader()
    {
        foreach (var prefix in new[] { "train", "t10k" })
        {
            Write($"{prefix}-images-idx3-ubyte.gz", 2051, [10, 2, 2], [.. Enumerable.Range(0, 40).Select(i => (byte)i)]);
            Write($"{prefix}-labels-idx1-ubyte.gz", 2049, [10], [.. Enumerable.Range(0, 10).Select(i => (byte)i)]);
        }

        var folder = SmokeData.Prepare(_temp.Path, trainItems: 3, testItems: 20);
        try
        {
            var images = File.ReadAllBytes(Path.Combine(folder, "train-images-idx3-ubyte"));
            Assert.Equal((2051, 3, 2, 2), (At(images, 0), At(images, 4), At(images, 8), At(images, 12)));
            Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)i), images[16..]);
            var labels = File.ReadAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte"));
            // Asking for more than the file holds keeps all of it.
            Assert.Equal((2049, 10), (At(labels, 0), At(labels, 4)));
            Assert.Equal(10, labels.Length - 8);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int At(byte[] bytes, int offset) => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));

    private void Write(string name, int magic, int[] dims, byte[] body)
    {
        using var file = File.Create(_temp.Combine(name));
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        var header = new byte[4 * (dims.Length + 1)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 * (i + 1)), dims[i]);
        }

        gz.Write(header);
        gz.Write(body);
    }
}
