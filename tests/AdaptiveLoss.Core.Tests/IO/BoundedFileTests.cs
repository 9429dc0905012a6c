using System.Diagnostics;
using System.Text;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Core.Tests.IO;

/// <summary>Whole-file reads are bounded: regular files only, never more than the limit (docs/design.md §4).</summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadAllBytes_RegularFileAtTheLimit_ItsBytes()
    {
        var path = Write("ten", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), BoundedFile.ReadAllBytes(path, limit: 10));
    }

    [Fact]
    public void ReadAllBytes_OneByteOverTheLimit_LargerThanTheLimit()
    {
        var path = Write("eleven", new byte[11]);

        var error = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllBytes(path, limit: 10));

        Assert.Equal((path, "is larger than 10 bytes"), (error.Path, error.Problem));
        Assert.Equal($"{path}: is larger than 10 bytes", error.Message);
    }

    [Fact]
    public void ReadAllBytes_SparseFileOfGigabytes_RefusedWithoutReadingIt()
    {
        var path = Path.Combine(_folder, "sparse");
        using (var stream = File.Create(path))
        {
            stream.SetLength(5L << 30);
        }

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllBytes(path, 64 * BoundedFile.MiB));

        Assert.Equal("is larger than 64 MiB", error.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ReadAllBytes_RegularFileThatReportsNoLength_StillStopsAtTheLimit()
    {
        // /proc files are regular files of length 0 with content: only the read itself can find them too large.
        var error = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllBytes("/proc/self/maps", limit: 10));

        Assert.Equal("is larger than 10 bytes", error.Problem);
    }

    [Fact]
    public async Task ReadAllBytes_Fifo_RefusedBeforeOpening()
    {
        var path = Path.Combine(_folder, "fifo");
        using (var mkfifo = Process.Start("mkfifo", path))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Opening a FIFO with no writer blocks: a hang here is the bug, so the read runs against a deadline.
        var read = Task.Run(() => BoundedFile.ReadAllBytes(path, 1024));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))));

        var error = await Assert.ThrowsAsync<BoundedFileException>(() => read);
        Assert.Equal("is a FIFO, not a regular file", error.Problem);
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/dev/null", "is a character device, not a regular file")]
    public void ReadAllBytes_Device_Refused(string path, string problem)
    {
        var error = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllBytes(path, 1024));

        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void ReadAllBytes_SymbolicLinkToDevZero_RefusedAsTheDevice()
    {
        var link = Path.Combine(_folder, "history.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllText(link, 1024));

        Assert.Equal("is a character device, not a regular file", error.Problem);
    }

    [Fact]
    public void ReadAllBytes_Folder_Refused()
    {
        var error = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllBytes(_folder, 1024));

        Assert.Equal("is a folder, not a regular file", error.Problem);
    }

    [Fact]
    public void ReadAllBytes_MissingFile_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => BoundedFile.ReadAllBytes(Path.Combine(_folder, "none"), 1024));
    }

    [Fact]
    public void ReadAllText_Utf8WithByteOrderMark_TextWithoutTheMark()
    {
        var path = Write("bom.json", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("{\"φ\":1}")]);

        Assert.Equal("{\"φ\":1}", BoundedFile.ReadAllText(path, 1024));
    }

    [Theory]
    [InlineData(32L << 20, "32 MiB")]
    [InlineData(64L << 10, "64 KiB")]
    [InlineData(100L, "100 bytes")]
    [InlineData((1L << 20) + 1, "1048577 bytes")]
    public void Describe_Limit_InTheLargestWholeUnit(long bytes, string expected)
    {
        Assert.Equal(expected, BoundedFile.Describe(bytes));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
