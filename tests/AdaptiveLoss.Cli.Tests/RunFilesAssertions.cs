using System.Buffers.Binary;
using System.Text.Json;
using SkiaSharp;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>Checks of what a run writes besides results.json: history.json and the four PNGs.</summary>
internal static class RunFilesAssertions
{
    public static readonly string[] PlotNames = ["validation.png", "rewards.png", "actions.png", "phi.png"];

    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>history.json holds every child of results.json with all its windows, each with its action counts and Φ.</summary>
    public static void AssertHistoryMatches(JsonElement history, JsonElement results)
    {
        Assert.Equal(results.GetProperty("experimentId").GetString(), history.GetProperty("experimentId").GetString());
        var kids = results.GetProperty("children").EnumerateArray().ToList();
        var histories = history.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(kids.Select(k => k.GetProperty("id").GetString()), histories.Select(h => h.GetProperty("id").GetString()));
        for (var i = 0; i < kids.Count; i++)
        {
            var windows = histories[i].GetProperty("windows").EnumerateArray().ToList();
            Assert.Equal(kids[i].GetProperty("windows").GetInt32(), windows.Count);
            Assert.Equal(Enumerable.Range(0, windows.Count), windows.Select(w => w.GetProperty("window").GetInt32()));
            // Fashion-MNIST: C = 10 classes, 45 class pairs, one action each per window.
            Assert.All(windows, w => Assert.Equal(45, w.GetProperty("actionCounts").EnumerateArray().Sum(c => c.GetInt32())));
            Assert.Equal(100, histories[i].GetProperty("finalPhi").GetArrayLength());
            // Each window carries the Φ it trained under as its 45 pair entries (docs/mismatch.md); the last window's is the final Φ.
            Assert.All(windows, w => Assert.Equal(45, w.GetProperty("phiPairs").GetArrayLength()));
            var finalPhi = histories[i].GetProperty("finalPhi").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            var lastPairs = windows[^1].GetProperty("phiPairs").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            Assert.Equal(Enumerable.Range(0, 10).SelectMany(r => Enumerable.Range(r + 1, 9 - r).Select(c => finalPhi[(r * 10) + c])), lastPairs);
            Assert.Equal(kids[i].GetProperty("testError").GetDouble(), histories[i].GetProperty("testError").GetDouble());
        }

        Assert.Equal(results.GetProperty("rewards").GetArrayLength(), history.GetProperty("rewards").GetArrayLength());
    }

    /// <summary>Each plot exists, starts with the PNG signature, says 800×500 in its IHDR and decodes to that size.</summary>
    public static void AssertPlots(string directory)
    {
        foreach (var name in PlotNames)
        {
            var path = Path.Combine(directory, name);
            Assert.True(File.Exists(path), $"{name} missing in {directory}");
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(Signature), $"{name} is not a PNG");
            Assert.Equal((800, 500), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.True(bitmap is { Width: 800, Height: 500 }, $"{name} does not decode to 800×500");
        }
    }
}
