using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>Snapshot files: round trip, bounded reads, nothing written for a snapshot that would not read back.</summary>
public sealed class PolicySnapshotFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_WrittenFile_SameSnapshotAndNoTemporaryLeft()
    {
        var path = Path.Combine(_folder, "sub", "fashion@65.json");
        var snapshot = PolicySnapshotCodecTests.Snapshot(new PolicyNetwork(24, 4, seed: 2));

        PolicySnapshotFile.Write(path, snapshot);
        var back = PolicySnapshotFile.Read(path);

        Assert.Equal(snapshot.Parameters, back.Parameters);
        Assert.Equal([path], Directory.GetFiles(Path.Combine(_folder, "sub")));
    }

    [Fact]
    public void Read_MissingFile_NoSuchFile()
    {
        var path = Path.Combine(_folder, "none.json");

        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotFile.Read(path));

        Assert.Equal($"policy snapshot {path}: no such file", error.Message);
    }

    [Fact]
    public void Read_FileOverTheLimit_RefusedBeforeReading()
    {
        var path = Path.Combine(_folder, "big.json");
        using (var file = File.Create(path))
        {
            file.SetLength(PolicySnapshotCodec.MaxBytes + 1);
        }

        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotFile.Read(path));

        Assert.Equal($"policy snapshot {path}: is larger than 32 MiB", error.Message);
    }

    [Fact]
    public void Write_InvalidSnapshot_NothingWritten()
    {
        var path = Path.Combine(_folder, "bad.json");
        var snapshot = PolicySnapshotCodecTests.Snapshot(new PolicyNetwork(1, 1, seed: 1)) with { Version = -1 };

        Assert.Throws<ArgumentException>(() => PolicySnapshotFile.Write(path, snapshot));

        Assert.Empty(Directory.GetFiles(_folder));
    }
}
