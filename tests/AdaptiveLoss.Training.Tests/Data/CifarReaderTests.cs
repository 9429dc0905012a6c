using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

public sealed class CifarReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_TwoRecordFile_LabelsAndChannelPlanes()
    {
        var path = _folder.File("data_batch_1.bin");
        DataFiles.WriteCifar(path, new byte[] { 7, 2 });

        var (images, labels) = CifarReader.Read(new[] { path });
        using (images)
        using (labels)
        {
            Assert.Equal(new long[] { 2, 3, 32, 32 }, images.shape);
            Assert.Equal(new long[] { 7, 2 }, labels.data<long>().ToArray());
            // Record r, channel c, row y, column x is byte 1 + c·1024 + y·32 + x of the record: (r + k) mod 256.
            foreach (var (r, c, y, x) in new[] { (0, 0, 0, 0), (0, 1, 0, 0), (1, 2, 31, 31), (1, 0, 5, 7) })
            {
                var k = (c * 1024) + (y * 32) + x;
                Assert.Equal(((r + k) % 256) / 255f, images[r, c, y, x].item<float>());
            }
        }
    }

    [Fact]
    public void Read_PartialRecord_TruncatedError()
    {
        var path = _folder.File("data_batch_1.bin");
        DataFiles.WriteCifar(path, new byte[] { 1, 2 });
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<DataFormatException>(() => CifarReader.Read(new[] { path }));

        IdxReaderTests.AssertOneLine(error, path, "truncated file");
    }

    [Fact]
    public void Read_LabelTen_OutOfRangeError()
    {
        var path = _folder.File("test_batch.bin");
        DataFiles.WriteCifar(path, new byte[] { 1, 10 });

        var error = Assert.Throws<DataFormatException>(() => CifarReader.Read(new[] { path }));

        IdxReaderTests.AssertOneLine(error, path, "label out of range: record 1 has label 10");
    }
}
