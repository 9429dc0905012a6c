using System.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

/// <summary>
/// The data preflight (docs/design.md §2): every broken header, size, count, label and split problem is found from the
/// headers and labels alone, as one line naming the file, and a folder the preflight passes loads.
/// </summary>
public sealed class DataPreflightTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string TrainImages => _folder.File("train-images-idx3-ubyte");

    private string TrainLabels => _folder.File("train-labels-idx1-ubyte");

    private string TestImages => _folder.File("t10k-images-idx3-ubyte");

    private string TestLabels => _folder.File("t10k-labels-idx1-ubyte");

    private ChildSettings Idx(int validation = 20, int? classes = null, ValidationSplitKind split = ValidationSplitKind.Auto) =>
        new ExperimentOptions { Task = TaskKind.Idx, DataDirectory = _folder.Path, ValidationSize = validation, Classes = classes, ValidationSplit = split }
            .ChildSettings();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Check_ValidFolder_PassesAndLoads(bool gzip)
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 200, test: 50, gzip: gzip);

        Assert.Null(DataPreflight.Problem(Idx()));
        Assert.Equal(180, DataCatalog.Load(Idx()).TrainCount);
    }

    [Fact]
    public void Check_ReturnsTheImagesAChildTrainsOn()
    {
        Raw(train: 200, test: 50);

        Assert.Equal(180, DataPreflight.Check(Idx(validation: 20)));
        Assert.Equal(100, DataPreflight.Check(Idx(validation: 20) with { TrainLimit = 100 }));
    }

    [Fact]
    public void WindowBudget_ChildrenTimesWindowsOverTheLimit_RefusedOnTheWindow()
    {
        // 180 images in batches of 128: 2 iterations an epoch; 10,000 epochs of windows of 1 = 20,000 windows a child.
        Raw(train: 200, test: 50);
        var options = Idx(validation: 20) with { Epochs = 10_000, Window = 1, BatchSize = 128 };

        Assert.Null(DataPreflight.Inspect(options).WindowBudget(options, 50)); // 1,000,000: at the limit
        var error = DataPreflight.Inspect(options).WindowBudget(options, 51);

        Assert.Equal("Window 1 gives 1,020,000 windows (51 children × Epochs 10000 × ⌈180 training images / BatchSize 128⌉ iterations / 1); "
            + "at most 1,000,000 are kept (raise Window)", error?.ToString());
    }

    [Fact]
    public void Check_BadImageMagic_NamesTheFile()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteImages(TestImages, 50, 8, 8, DataFiles.Pixels(50, 8, 8), magic: 1234);

        Assert.Equal($"{TestImages}: bad magic number 1234 (an IDX images file starts with 2051)", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_BadLabelMagic_NamesTheFile()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteLabels(TrainLabels, DataFiles.LabelsByIndex(200), magic: 2051);

        Assert.Equal($"{TrainLabels}: bad magic number 2051 (an IDX labels file starts with 2049)", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_ZeroRows_InvalidHeader()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteImages(TrainImages, 200, 0, 8, []);

        Assert.Equal($"{TrainImages}: invalid image header: 200 images of 0x8", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_DimensionsWhoseProductOverflows_TooLargeWithoutAllocating()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteImages(TrainImages, 1 << 30, 1 << 30, 1 << 30, new byte[64]);

        Assert.Equal($"{TrainImages}: header says 1073741824 images of 1073741824x1073741824, which is too large to load", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_ShortHeader_Truncated()
    {
        Raw(train: 200, test: 50);
        File.WriteAllBytes(TestLabels, [0, 0, 8, 1, 0]);

        Assert.Equal($"{TestLabels}: truncated file: 5 bytes, shorter than the 8-byte header", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_ImagesCutShort_TruncatedFromTheFileSize()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteImages(TrainImages, 200, 8, 8, DataFiles.Pixels(200, 8, 8)[..^1]);

        Assert.Equal($"{TrainImages}: truncated file: the header says 200 images of 8x8 (12800 bytes after the 16-byte header) but only 12799 bytes follow",
            DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_GzipCutInHalf_TruncatedOrCorruptFromTheTrailer()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 200, test: 50, gzip: true);
        var gz = TrainImages + ".gz";
        var bytes = File.ReadAllBytes(gz);
        File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);

        Assert.StartsWith($"{gz}: truncated or corrupt gzip file: its trailer says ", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_LabelsCountDiffersFromImages_CountMismatch()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteLabels(TestLabels, DataFiles.LabelsByIndex(49));

        Assert.Equal($"{TestLabels}: shape mismatch: 49 labels for the 50 images of t10k-images-idx3-ubyte", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_LabelOutOfRange_NamesTheItem()
    {
        Raw(train: 200, test: 50);
        var labels = DataFiles.LabelsByIndex(200);
        labels[137] = 10;
        DataFiles.WriteLabels(TrainLabels, labels);

        Assert.Equal($"{TrainLabels}: label out of range: item 137 has label 10, expected 0..9", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_TestImagesOfAnotherShape_ShapeMismatch()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteImages(TestImages, 50, 7, 8, DataFiles.Pixels(50, 7, 8));

        Assert.Equal($"{_folder.Path}: shape mismatch: test images are 1x7x8 but training images are 1x8x8", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_EmptyTestSplit_Refused()
    {
        Raw(train: 200, test: 0);

        Assert.Equal($"{TestLabels}: the test split has no images: a run needs some to report its test error", DataPreflight.Problem(Idx()));
    }

    [Fact]
    public void Check_NoTestImageBelowTheClasses_EmptyTestSplit()
    {
        Raw(train: 200, test: 50);
        DataFiles.WriteLabels(TestLabels, [.. Enumerable.Repeat((byte)7, 50)]);

        Assert.Equal($"{TestLabels}: the test split has no images labelled below 3: a run needs some to report its test error",
            DataPreflight.Problem(Idx(validation: 3, classes: 3)));
    }

    [Theory]
    [InlineData(200, 200)]
    [InlineData(500, 200)]
    public void Check_ValidationTakesEveryImage_NoTrainingImages(int validation, int images)
    {
        Raw(train: images, test: 50);

        Assert.Equal($"{TrainLabels}: validation size {validation} leaves no training images: the training file holds {images}",
            DataPreflight.Problem(Idx(validation)));
    }

    [Fact]
    public void Check_BalancedSplitAClassCannotFill_NamesTheClass()
    {
        Raw(train: 200, test: 50);
        var labels = DataFiles.LabelsByIndex(200);
        labels = [.. labels.Select(l => l == 4 ? (byte)5 : l)];
        DataFiles.WriteLabels(TrainLabels, labels);

        Assert.Equal($"{TrainLabels}: class 4 has 0 images, fewer than the 2 the balanced validation split takes",
            DataPreflight.Problem(Idx(validation: 20, split: ValidationSplitKind.Balanced)));
    }

    [Fact]
    public void Check_LongTailMissingAClassAfterTheTrainLimit_TheLoadersOwnError()
    {
        Raw(train: 200, test: 50);
        var settings = new ExperimentOptions
        {
            Task = TaskKind.Idx, DataDirectory = _folder.Path, ValidationSize = 20, TrainLimit = 5, Imbalance = 10, ValidationSplit = ValidationSplitKind.Tail,
        }.ChildSettings();

        var problem = DataPreflight.Problem(settings);

        Assert.Equal($"{TrainLabels}: --imbalance needs every class in the training split; class 5 has no images", problem);
        var load = Assert.Throws<DataFormatException>(() => DataCatalog.Load(settings));
        Assert.Equal(load.Problem, problem![(TrainLabels.Length + 2)..]);
    }

    [Fact]
    public async Task Check_FifoForLabels_RefusedWithoutBlocking()
    {
        Raw(train: 200, test: 50);
        File.Delete(TrainLabels);
        using (var mkfifo = Process.Start("mkfifo", TrainLabels))
        {
            await mkfifo.WaitForExitAsync();
        }

        var check = Task.Run(() => DataPreflight.Problem(Idx()));
        Assert.Same(check, await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(10))));

        Assert.Equal($"{TrainLabels}: is a FIFO, not a regular file", await check);
    }

    [Fact]
    public void Check_MissingFile_NamesIt()
    {
        Raw(train: 200, test: 50);
        File.Delete(TestImages);

        Assert.Equal($"{TestImages}: missing file (looked for it with and without .gz)", DataPreflight.Problem(Idx()));
    }

    private void Raw(int train, int test) => DataFiles.WriteIdxFolder(_folder.Path, train, test, gzip: false);
}
