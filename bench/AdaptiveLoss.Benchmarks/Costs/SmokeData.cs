using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// A cut of Fashion-MNIST for the costs smoke run: the first N training and M test items of the real IDX files, in
/// a folder under the temporary directory (built once per source and size, reused). The children then evaluate a few
/// hundred test images instead of 10,000, which keeps part (a) of the smoke run to seconds.
/// </summary>
internal static class SmokeData
{
    private static readonly Lock Gate = new();

    /// <summary>The folder with the four files cut from <paramref name="source"/>.</summary>
    public static string Prepare(string source, int trainItems, int testItems)
    {
        var tag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(source))))[..12];
        var folder = Path.Combine(Path.GetTempPath(), $"ala-bench-smoke-{tag}-{trainItems}-{testItems}");
        lock (Gate)
        {
            if (!File.Exists(Path.Combine(folder, "done")))
            {
                Directory.CreateDirectory(folder);
                foreach (var (prefix, items) in new[] { ("train", trainItems), ("t10k", testItems) })
                {
                    Cut(source, folder, $"{prefix}-images-idx3-ubyte", items, headerInts: 4);
                    Cut(source, folder, $"{prefix}-labels-idx1-ubyte", items, headerInts: 2);
                }

                File.WriteAllText(Path.Combine(folder, "done"), string.Empty);
            }
        }

        return folder;
    }

    // IDX: big-endian magic, item count, then (images) rows and cols, then one byte per pixel or label.
    private static void Cut(string source, string folder, string name, int items, int headerInts)
    {
        var path = File.Exists(Path.Combine(source, name)) ? Path.Combine(source, name) : Path.Combine(source, name + ".gz");
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var header = new byte[4 * headerInts];
        input.ReadExactly(header);
        var available = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        var count = Math.Min(items, available);
        var itemSize = headerInts == 4 ? BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8)) * BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(12)) : 1;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        var body = new byte[(long)count * itemSize];
        input.ReadExactly(body);
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, [.. header, .. body]);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }
}
