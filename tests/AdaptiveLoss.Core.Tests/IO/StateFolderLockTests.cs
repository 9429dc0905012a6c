using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Core.Tests.IO;

/// <summary>One owner per state folder (docs/durability.md, "One owner per state folder").</summary>
public sealed class StateFolderLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("ala-lock-").FullName, "state");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);

    [Fact]
    public void Acquire_HeldByAnotherOwner_RefusedNamingTheFolderAndTheHolder()
    {
        using var first = StateFolderLock.Acquire(_folder, "ala run exp1");

        // flock(2) locks belong to an open file description: a second open in this process conflicts like another process.
        var error = Assert.Throws<StateFolderBusyException>(() => StateFolderLock.Acquire(_folder, "ala resume exp1"));

        Assert.Equal(_folder, error.Directory);
        Assert.Matches(@"^pid \d+, ala run exp1, since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", error.Holder);
        Assert.StartsWith($"state folder {_folder} is in use by another process (pid {Environment.ProcessId}, ala run exp1, since ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Released_TheNextOwnerGetsItAndTheOwnerFileIsGone()
    {
        StateFolderLock.Acquire(_folder, "ala run a").Dispose();

        Assert.False(File.Exists(Path.Combine(_folder, StateFolderLock.OwnerFileName)));
        using var second = StateFolderLock.Acquire(_folder, "ala-silo");
        Assert.StartsWith($"pid {Environment.ProcessId}, ala-silo, since ", StateFolderLock.ReadOwner(_folder), StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_StaleOrHostileOwnerFile_ReplacedWhenFreeAndBoundedWhenRead()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, StateFolderLock.OwnerFileName), new string('x', 1 << 20));
        Assert.Equal(200, StateFolderLock.ReadOwner(_folder)!.Length);

        using var owner = StateFolderLock.Acquire(_folder, "ala run b");

        Assert.Contains("ala run b", StateFolderLock.ReadOwner(_folder), StringComparison.Ordinal);
    }

    [Fact]
    public void Acquire_NoFolder_CreatesItWithTheLockFile()
    {
        using var owner = StateFolderLock.Acquire(_folder, "ala run c");

        Assert.Equal(Path.GetFullPath(_folder), owner.Directory);
        Assert.True(File.Exists(Path.Combine(_folder, StateFolderLock.FileName)));
    }
}
