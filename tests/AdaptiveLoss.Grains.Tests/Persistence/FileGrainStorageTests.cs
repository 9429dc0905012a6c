using AdaptiveLoss.Grains.Persistence;
using Orleans.Storage;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>The embedded default's grain storage (docs/durability.md): JSON files, atomic replacement, optimistic concurrency.</summary>
public sealed class FileGrainStorageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ala-grains-").FullName;
    private readonly FileGrainStorage _storage;
    private readonly GrainId _child = GrainId.Create("childtrainer", "exp-1/0");

    public FileGrainStorageTests() => _storage = new FileGrainStorage(_root, AdaptiveLossStorage.Serializer);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ReadStateAsync_NothingStored_NewStateNoRecord()
    {
        var state = new GrainState<Stored<Note>>();

        await _storage.ReadStateAsync("child", _child, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State!.Value);
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsAsOneJsonFileInsideTheRoot()
    {
        var written = new GrainState<Stored<Note>>(new Stored<Note> { Value = new Note("window 3", [1.5, double.NaN]) });

        await _storage.WriteStateAsync("child", _child, written);
        var read = new GrainState<Stored<Note>>();
        await _storage.ReadStateAsync("child", _child, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("window 3", read.State!.Value!.Text);
        Assert.Equal([1.5, double.NaN], read.State!.Value.Values);
        // The key's '/' is escaped into one file name under ROOT/<state>/<grain type>/, and no temporary file is left.
        var path = _storage.PathOf("child", _child);
        Assert.Equal(Path.Combine(_root, "child", "childtrainer", "exp-1%2F0.json"), path);
        Assert.Equal([path], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Contains("\"text\":\"window 3\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteStateAsync_FromAStaleActivation_ThrowsInconsistentStateAndKeepsTheNewer()
    {
        var first = new GrainState<Stored<Note>>(new Stored<Note> { Value = new Note("one", []) });
        await _storage.WriteStateAsync("child", _child, first);
        var stale = new GrainState<Stored<Note>>();
        await _storage.ReadStateAsync("child", _child, stale);
        await Task.Delay(20); // a later write time, so the ETag moves even on coarse file-system clocks
        first.State!.Value = new Note("two", [2]);
        await _storage.WriteStateAsync("child", _child, first);

        stale.State!.Value = new Note("stale", []);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("child", _child, stale));

        var read = new GrainState<Stored<Note>>();
        await _storage.ReadStateAsync("child", _child, read);
        Assert.Equal("two", read.State!.Value!.Text);
    }

    [Fact]
    public async Task ClearStateAsync_DeletesTheDocument()
    {
        var state = new GrainState<Stored<Note>>(new Stored<Note> { Value = new Note("x", []) });
        await _storage.WriteStateAsync("child", _child, state);

        await _storage.ClearStateAsync("child", _child, state);

        Assert.False(state.RecordExists);
        Assert.False(File.Exists(_storage.PathOf("child", _child)));
    }

    [Fact]
    public async Task ReadStateAsync_CorruptDocument_ErrorNamesTheFile()
    {
        var path = _storage.PathOf("child", _child);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "{\"value\": {\"text\": ");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _storage.ReadStateAsync("child", _child, new GrainState<Stored<Note>>()));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadStateAsync_DocumentLinkedToDevZero_RefusedNotReadForever()
    {
        var path = _storage.PathOf("child", _child);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, "/dev/zero");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _storage.ReadStateAsync("child", _child, new GrainState<Stored<Note>>()));

        Assert.Equal($"grain state {path} cannot be read: it is a character device, not a regular file", error.Message);
    }

    public sealed record Note(string Text, double[] Values);
}
