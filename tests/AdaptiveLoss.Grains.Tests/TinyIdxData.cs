namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// Writes a tiny, learnable MNIST-format data set (4 raw IDX files, 28×28, 10 classes) into a temp folder once per
/// test process: each class is a bright 6×6 square at its own place, over uniform noise.
/// </summary>
internal static class TinyIdxData
{
    public const int TrainCount = 400;
    public const int TestCount = 100;
    private const int Side = 28;
    private static readonly Lazy<string> LazyFolder = new(Write);

    /// <summary>The folder holding train-/t10k- images and labels.</summary>
    public static string Folder => LazyFolder.Value;

    private static string Write()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ala-grains-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        WritePair(folder, "train", TrainCount, random);
        WritePair(folder, "t10k", TestCount, random);
        return folder;
    }

    private static void WritePair(string folder, string prefix, int count, Random random)
    {
        var labels = new byte[count];
        var pixels = new byte[count * Side * Side];
        for (var n = 0; n < count; n++)
        {
            var label = labels[n] = (byte)(n % 10);
            var image = pixels.AsSpan(n * Side * Side, Side * Side);
            random.NextBytes(image);
            for (var k = 0; k < image.Length; k++)
            {
                image[k] /= 4;
            }

            var (top, left) = (2 + (label / 5 * 12), 2 + (label % 5 * 5));
            for (var r = top; r < top + 6; r++)
            {
                image.Slice((r * Side) + left, 5).Fill(255);
            }
        }

        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), [.. Header(2051, count, Side, Side), .. pixels]);
        File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), [.. Header(2049, count), .. labels]);
    }

    private static byte[] Header(params int[] values) =>
        [.. values.SelectMany(v => new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v })];
}
