using System.Text.Json;
using AdaptiveLoss.Reporting.Tests.TensorBoard;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The TensorBoard event files of a run hold exactly its history.json windows (docs/cli.md).</summary>
internal static class TensorBoardAssertions
{
    /// <summary>One file per child under ROOT/&lt;experimentId&gt;/child-i, a file_version first, then one event per window.</summary>
    public static void AssertMatchesHistory(string root, JsonElement history)
    {
        var experimentId = history.GetProperty("experimentId").GetString()!;
        var children = history.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(children.Select((_, i) => $"child-{i}"), Directory.GetDirectories(Path.Combine(root, experimentId)).Select(Path.GetFileName).Order());
        for (var i = 0; i < children.Count; i++)
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(root, experimentId, $"child-{i}")));
            Assert.StartsWith("events.out.tfevents.", Path.GetFileName(file));
            var events = EventFileReader.Read(file);
            var windows = children[i].GetProperty("windows").EnumerateArray().ToList();

            Assert.Equal("brain.Event:2", events[0].FileVersion);
            Assert.Equal(windows.Count, events.Count - 1);
            Assert.Equal(windows.Select(w => w.GetProperty("iteration").GetInt64()), events.Skip(1).Select(e => e.Step));
            Assert.Equal(windows.Select(Expected), events.Skip(1).Select(e => e.Scalars));
        }
    }

    private static IReadOnlyList<(string, float)> Expected(JsonElement w) =>
    [
        ("train/loss", Value(w, "trainLoss")),
        ("validation/error", Value(w, "validationError")),
        ("reward", Value(w, "reward")),
        ("phi/norm", Value(w, "phiNorm")),
        ("throughput/images_per_second", Value(w, "imagesPerSecond")),
        ("guard/discarded", w.GetProperty("discardReason").ValueKind == JsonValueKind.Null ? 0f : 1f),
    ];

    // history.json writes a diverged value as the string "NaN".
    private static float Value(JsonElement w, string name) =>
        w.GetProperty(name) is { ValueKind: JsonValueKind.String } text ? float.Parse(text.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : (float)w.GetProperty(name).GetDouble();
}
