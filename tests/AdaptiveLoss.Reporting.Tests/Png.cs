using System.Buffers.Binary;
using SkiaSharp;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>Checks on a written PNG: signature, IHDR size, that Skia decodes it, and how much is drawn on it.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Asserts a valid PNG of the given size and returns its decoded pixels.</summary>
    public static SKBitmap AssertValid(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(Signature), $"{path} does not start with the PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal((width, height), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        return bitmap;
    }

    /// <summary>Distinct colours over a grid sample (a blank image has 1).</summary>
    public static int DistinctColours(SKBitmap bitmap) => Sample(bitmap).Distinct().Count();

    /// <summary>Pixels (of the sample) that are neither white nor near-white.</summary>
    public static int Inked(SKBitmap bitmap) => Sample(bitmap).Count(c => c.Red < 230 || c.Green < 230 || c.Blue < 230);

    /// <summary>Every pixel of the image (plots are small).</summary>
    private static IEnumerable<SKColor> Sample(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                yield return bitmap.GetPixel(x, y);
            }
        }
    }
}
