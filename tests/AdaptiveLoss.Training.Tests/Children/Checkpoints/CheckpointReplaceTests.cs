using AdaptiveLoss.Training.Children.Checkpoints;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>
/// A checkpoint replaces its predecessor, never deletes it first (docs/durability.md, "Checkpoints"): whatever step a
/// crash interrupts, the newest complete checkpoint is the old or the new one, and it verifies.
/// </summary>
public sealed class CheckpointReplaceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_SameWindowAgain_NewGenerationPublishedBeforeTheOldOneIsDeleted()
    {
        var folder = new CheckpointFolder(_folder.Path);
        folder.Write("e/0", 3, Files("old"));
        var seen = new List<string>();
        folder.Published = published =>
        {
            // In place, and the old one still there: a crash now leaves both, and the newer generation is the checkpoint.
            seen.AddRange(Names());
            Assert.Equal(published, folder.Latest());
        };

        folder.Write("e/0", 3, Files("new"));

        Assert.Equal(["w-000003", "w-000003.1"], seen);
        Assert.Equal(["w-000003.1"], Names());
        Assert.Equal("new", Content(folder.Latest()!));
        Assert.Equal(3, CheckpointFolder.Verify(folder.Latest()!).NextWindow);
    }

    [Fact]
    public void Write_CrashAtEachStep_LatestIsTheOldOrTheNewCheckpointAndVerifies()
    {
        // Crash points: after each file (before the rename), after the rename (before the clean-up), no crash.
        var found = new List<string>();
        foreach (var crashAt in new[] { "data.bin", CheckpointFolder.ManifestName, "published", "none" })
        {
            var root = System.IO.Path.Combine(_folder.Path, crashAt);
            var folder = new CheckpointFolder(root);
            folder.Write("e/0", 5, Files("old"));
            folder.FileWritten = name => CrashIf(name == crashAt);
            folder.Published = _ => CrashIf(crashAt == "published");

            try
            {
                folder.Write("e/0", 5, Files("new"));
            }
            catch (IOException)
            {
            }

            var latest = new CheckpointFolder(root).Latest()!;
            CheckpointFolder.Verify(latest);
            found.Add(Content(latest));
        }

        Assert.Equal(["old", "old", "new", "new"], found);
    }

    [Fact]
    public void Latest_GenerationsAndWindows_NewestWindowThenNewestGeneration()
    {
        foreach (var name in new[] { "w-000002.7", "w-000004", "w-000004.2", "w-000004.x", ".tmp-w-000009-abc", "w-000004.0" })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, name));
        }

        Assert.Equal("w-000004.2", System.IO.Path.GetFileName(new CheckpointFolder(_folder.Path).Latest()));
    }

    private static void CrashIf(bool crash)
    {
        if (crash)
        {
            throw new IOException("simulated crash");
        }
    }

    private static IReadOnlyList<(string Name, Action<Stream> Write)> Files(string content) =>
        [("data.bin", stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(content)))];

    private static string Content(string checkpoint) => File.ReadAllText(System.IO.Path.Combine(checkpoint, "data.bin"));

    private string[] Names() => [.. Directory.GetDirectories(_folder.Path).Select(d => System.IO.Path.GetFileName(d)).Order(StringComparer.Ordinal)];
}
