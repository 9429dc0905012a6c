using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Core.Tests.IO;

/// <summary>Atomic and durable writes (docs/durability.md, "Durable writes").</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteText_Durable_ReplacesTheFileSyncsItsFolderAndLeavesNoTemporaryFile()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), "old");
        var before = FolderSync.Count;

        var path = AtomicFile.WriteText(_folder, "a.json", "new", durable: true);

        Assert.Equal("new", File.ReadAllText(path));
        // Other tests may sync folders at the same time: at least this write's one.
        Assert.True(FolderSync.Count > before, "the folder was not synced");
        Assert.Equal(["a.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteText_NoOverwriteAndTheFileExists_KeepsItThrowsAndLeavesNoTemporaryFile()
    {
        File.WriteAllText(Path.Combine(_folder, "results.json"), "first");

        Assert.Throws<IOException>(() => AtomicFile.WriteBytes(_folder, "results.json", "second"u8, durable: true, overwrite: false));

        Assert.Equal("first", File.ReadAllText(Path.Combine(_folder, "results.json")));
        Assert.Equal(["results.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteBytes_NoOverwriteTwoWritersRacing_ExactlyOneWinsAndItsFileIsWhole()
    {
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            try
            {
                AtomicFile.WriteBytes(_folder, "results.json", System.Text.Encoding.UTF8.GetBytes(new string((char)('a' + i), 4096)), durable: false, overwrite: false);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        })).ToArray();

        var won = await Task.WhenAll(writers);

        Assert.Equal(1, won.Count(w => w));
        var text = File.ReadAllText(Path.Combine(_folder, "results.json"));
        Assert.Equal(4096, text.Length);
        Assert.Single(text.Distinct());
    }

    [Fact]
    public void WriteText_DurableIntoNewFolders_SyncsEachCreatedFolderIntoItsParentAndTheLastOne()
    {
        var before = FolderSync.Count;

        var path = AtomicFile.WriteText(Path.Combine(_folder, "policies", "p"), "1.json", "{}", durable: true);

        // Into _folder (for policies), into policies (for p), and p after the rename: at least three.
        Assert.True(FolderSync.Count - before >= 3, $"{FolderSync.Count - before} folder syncs");
        Assert.Equal("{}", File.ReadAllText(path));
    }

    [Fact]
    public void Sync_MissingFolder_ThrowsNamingIt()
    {
        var missing = Path.Combine(_folder, "nope");

        var error = Assert.Throws<IOException>(() => FolderSync.Sync(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
