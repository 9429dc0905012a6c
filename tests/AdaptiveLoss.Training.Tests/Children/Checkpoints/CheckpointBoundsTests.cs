using AdaptiveLoss.Training.Children.Checkpoints;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>A checkpoint manifest is read with a bound: a device, a FIFO or an oversized file is refused in one line.</summary>
public sealed class CheckpointBoundsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Verify_ManifestLinkedToDevZero_RefusedNotReadForever()
    {
        var manifest = _folder.File(CheckpointFolder.ManifestName);
        File.CreateSymbolicLink(manifest, "/dev/zero");

        var error = Assert.Throws<CheckpointException>(() => CheckpointFolder.Verify(_folder.Path));

        Assert.Contains($"{manifest}", error.Message, StringComparison.Ordinal);
        Assert.Contains("unreadable manifest: it is a character device, not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ManifestOverTheLimit_RefusedWithoutReadingIt()
    {
        using (var file = File.Create(_folder.File(CheckpointFolder.ManifestName)))
        {
            file.SetLength(CheckpointFolder.MaxDocumentBytes + 1);
        }

        var error = Assert.Throws<CheckpointException>(() => CheckpointFolder.Verify(_folder.Path));

        Assert.Contains("unreadable manifest: it is larger than 16 MiB", error.Message, StringComparison.Ordinal);
    }
}
