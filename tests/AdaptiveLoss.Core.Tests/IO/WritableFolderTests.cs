using System.Runtime.Versioning;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Core.Tests.IO;

/// <summary>A folder a run writes into is checked before the run, without writing anything (docs/design.md §4).</summary>
[UnsupportedOSPlatform("windows")]
public sealed class WritableFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-writable-").FullName;

    public void Dispose()
    {
        foreach (var folder in Directory.EnumerateDirectories(_folder, "*", SearchOption.AllDirectories).Prepend(_folder))
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Problem_ExistingFolder_NoneAndNothingWritten()
    {
        Assert.Null(WritableFolder.Problem(_folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void Problem_MissingFoldersUnderAWritableOne_NoneAndNothingCreated()
    {
        var target = Path.Combine(_folder, "runs", "a", "b");

        Assert.Null(WritableFolder.Problem(target));
        Assert.False(Directory.Exists(Path.Combine(_folder, "runs")));
    }

    [Fact]
    public void Problem_AFile_IsAFile()
    {
        var file = Path.Combine(_folder, "f");
        File.WriteAllText(file, "x");

        Assert.Equal("is a file, not a folder", WritableFolder.Problem(file));
    }

    [Fact]
    public void Problem_UnderAFile_CannotBeCreatedNamingTheFile()
    {
        var file = Path.Combine(_folder, "f");
        File.WriteAllText(file, "x");

        Assert.Equal($"cannot be created: {file} is a file", WritableFolder.Problem(Path.Combine(file, "out")));
    }

    [NotRootFact]
    public void Problem_ReadOnlyFolder_NotWritable()
    {
        var locked = Directory.CreateDirectory(Path.Combine(_folder, "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        Assert.Equal("is not writable", WritableFolder.Problem(locked));
        Assert.Equal($"cannot be created: {locked} is not writable", WritableFolder.Problem(Path.Combine(locked, "runs", "x")));
    }
}
