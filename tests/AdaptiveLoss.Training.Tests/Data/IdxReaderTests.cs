using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImagesAndLabels_GeneratedFile_RoundTrips(bool gzip)
    {
        var pixels = DataFiles.Pixels(3, 4, 5);
        var labels = new byte[] { 9, 0, 4 };
        var imagePath = _folder.File(gzip ? "images.gz" : "images");
        var labelPath = _folder.File(gzip ? "labels.gz" : "labels");
        DataFiles.WriteImages(imagePath, 3, 4, 5, pixels, gzip);
        DataFiles.WriteLabels(labelPath, labels, gzip);

        using var images = IdxReader.ReadImages(imagePath);
        using var read = IdxReader.ReadLabels(labelPath, classes: 10);

        Assert.Equal(new long[] { 3, 1, 4, 5 }, images.shape);
        Assert.Equal(pixels.Select(p => p / 255f).ToArray(), images.data<float>().ToArray());
        Assert.Equal(new long[] { 9, 0, 4 }, read.data<long>().ToArray());
    }

    [Fact]
    public void ReadImages_BadMagicNumber_OneLineErrorNamingFile()
    {
        var path = _folder.File("train-images-idx3-ubyte");
        DataFiles.WriteImages(path, 1, 2, 2, new byte[4], magic: 2049);

        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        AssertOneLine(error, path, "bad magic number 2049");
    }

    [Fact]
    public void ReadLabels_BadMagicNumber_OneLineErrorNamingFile()
    {
        var path = _folder.File("labels.gz");
        DataFiles.WriteLabels(path, new byte[] { 1 }, gzip: true, magic: 2051);

        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path, 10));

        AssertOneLine(error, path, "bad magic number 2051");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_FileShorterThanHeaderSays_TruncatedError(bool gzip)
    {
        var path = _folder.File("images");
        // The header promises 10 images of 4×4 (160 bytes); only 100 follow.
        DataFiles.WriteImages(path, 10, 4, 4, new byte[100], gzip);

        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        AssertOneLine(error, path, "truncated file");
        Assert.Contains("only 100 bytes", error.Message);
    }

    [Fact]
    public void ReadLabels_HeaderCutShort_TruncatedError()
    {
        var path = _folder.File("labels");
        File.WriteAllBytes(path, new byte[] { 0, 0, 8, 1, 0 });

        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path, 10));

        AssertOneLine(error, path, "truncated file");
    }

    [Fact]
    public void ReadLabels_LabelAtClassCount_OutOfRangeError()
    {
        var path = _folder.File("labels");
        DataFiles.WriteLabels(path, new byte[] { 3, 9, 10, 2 });

        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path, classes: 10));

        AssertOneLine(error, path, "label out of range: item 2 has label 10");
    }

    [Fact]
    public void Resolve_RawMissingGzPresent_ReturnsGz_AndBothMissing_NamesFile()
    {
        DataFiles.WriteLabels(_folder.File("a-labels.gz"), new byte[] { 1 }, gzip: true);

        Assert.Equal(_folder.File("a-labels.gz"), IdxReader.Resolve(_folder.Path, "a-labels"));
        var error = Assert.Throws<DataFormatException>(() => IdxReader.Resolve(_folder.Path, "b-labels"));
        AssertOneLine(error, _folder.File("b-labels"), "missing file");
    }

    internal static void AssertOneLine(Exception error, string path, string problem)
    {
        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
