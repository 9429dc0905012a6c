using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Data;

public sealed class DataCatalogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // The tests write the user's options (the experiment seed among them, which must not change the data); the catalog
    // reads the child's part of them (docs/design.md §3, "Settings by owner").
    private static TaskData Load(ExperimentOptions options, bool normalize = true) => DataCatalog.Load(options.ChildSettings(), normalize);

    private static LeaseCache<string, TaskData>.Lease Acquire(ExperimentOptions options) => DataCatalog.Acquire(options.ChildSettings());

    private ExperimentOptions Idx(int validation, int? limit = null) => new()
    {
        Task = TaskKind.Idx,
        DataDirectory = _folder.Path,
        ValidationSize = validation,
        TrainLimit = limit,
    };

    [Fact]
    public void Load_ValidationIsLastN_TrainLimitIsFirstN()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 20, test: 6);

        var data = Load(Idx(validation: 5, limit: 8), normalize: false);

        // Image i of the training file has every pixel = i / 255: the splits show which images they hold.
        Assert.Equal(Enumerable.Range(15, 5).Select(i => i / 255f), FirstPixels(data.ValidationImages));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i / 255f), FirstPixels(data.TrainImages));
        Assert.Equal(Enumerable.Range(15, 5).Select(i => i % 10), data.ValidationLabelArray);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)(i % 10)), data.TrainLabels.data<long>().ToArray());
        Assert.Equal(6, data.TestImages.shape[0]);
        Assert.Equal(new long[] { 1, 8, 8 }, data.InputShape);
        Assert.Equal(10, data.Classes);
    }

    [Fact]
    public void Load_FirstThreeClasses_EverySplitKeepsOnlyThoseImagesInFileOrder()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 40, test: 20);

        var data = Load(Idx(validation: 3) with { Classes = 3 }, normalize: false);

        // Labels are i mod 10: images 0-2, 10-12, 20-22, 30-32 of the training file are kept; validation = the last 3 of them.
        Assert.Equal(3, data.Classes);
        Assert.Equal(new[] { 0, 1, 2, 10, 11, 12, 20, 21, 22 }.Select(i => i / 255f), FirstPixels(data.TrainImages));
        Assert.Equal(new long[] { 0, 1, 2, 0, 1, 2, 0, 1, 2 }, data.TrainLabels.data<long>().ToArray());
        Assert.Equal(new[] { 30, 31, 32 }.Select(i => i / 255f), FirstPixels(data.ValidationImages));
        Assert.Equal([0, 1, 2], data.ValidationLabelArray);
        Assert.Equal(new[] { 0, 1, 2, 10, 11, 12 }.Select(i => i / 255f), FirstPixels(data.TestImages));
        Assert.Equal([0, 1, 2, 0, 1, 2], data.TestLabelArray);
        Assert.NotSame(data, Load(Idx(validation: 3), normalize: false));
    }

    [Fact]
    public void Load_TrainLimitAboveRest_UsesEverythingButValidation()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 12, test: 2, gzip: false);

        var data = Load(Idx(validation: 4, limit: 100), normalize: false);

        Assert.Equal(8, data.TrainCount);
    }

    [Fact]
    public void Load_Normalised_TrainingSplitHasZeroMeanUnitStd()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 30, test: 3);

        var data = Load(Idx(validation: 10));

        Assert.Equal(0.0, data.TrainImages.mean().item<float>(), 4);
        Assert.Equal(1.0, data.TrainImages.std(unbiased: false).item<float>(), 3);
    }

    [Fact]
    public void Load_SameOptionsTwiceAndConcurrently_OneSharedInstance()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 20, test: 4);
        var options = Idx(validation: 5);

        var loaded = new TaskData[4];
        Parallel.For(0, 4, i => loaded[i] = Load(options));

        Assert.All(loaded, d => Assert.Same(loaded[0], d));
        Assert.Same(loaded[0], Load(options with { Seed = 99 }));
        Assert.NotSame(loaded[0], Load(options with { ValidationSize = 6 }));
    }

    [Fact]
    public void Acquire_ReleasedAndAnotherDataSetReleasedAfter_DisposedAndLoadedAgainOnNextUse()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 20, test: 4);
        using var other = new TempFolder();
        DataFiles.WriteIdxFolder(other.Path, train: 20, test: 4);

        var lease = Acquire(Idx(validation: 5));
        var first = lease.Value;
        using (var shared = Acquire(Idx(validation: 5)))
        {
            Assert.Same(first, shared.Value);
        }

        lease.Dispose();
        Acquire(Idx(validation: 5) with { DataDirectory = other.Path }).Dispose();

        // Only DataCatalog.MaxIdle unused data sets stay: this one, unused before the other, is gone.
        Assert.True(first.TrainImages.IsInvalid);
        using var again = Acquire(Idx(validation: 5));
        Assert.NotSame(first, again.Value);
        Assert.Equal(15, again.Value.TrainCount);
    }

    [Fact]
    public void Load_ValidationSizeCoversTrainingFile_OneLineError()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 10, test: 2);

        var error = Assert.Throws<DataFormatException>(() => Load(Idx(validation: 10)));

        IdxReaderTests.AssertOneLine(error, _folder.Path, "validation size 10 leaves no training images");
    }

    [Fact]
    public void Load_ImageAndLabelCountsDiffer_ShapeMismatchError()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 10, test: 2);
        var labels = _folder.File("train-labels-idx1-ubyte.gz");
        DataFiles.WriteLabels(labels, DataFiles.LabelsByIndex(9), gzip: true);

        var error = Assert.Throws<DataFormatException>(() => Load(Idx(validation: 2)));

        IdxReaderTests.AssertOneLine(error, labels, "shape mismatch: 9 labels for the 10 images");
    }

    [Fact]
    public void Load_MissingFolderOrFile_OneLineErrorNamingIt()
    {
        var missing = Path.Combine(_folder.Path, "nope");
        var folderError = Assert.Throws<DataFormatException>(() => Load(Idx(5) with { DataDirectory = missing }));
        IdxReaderTests.AssertOneLine(folderError, missing, "missing folder");

        var fileError = Assert.Throws<DataFormatException>(() => Load(Idx(5)));
        IdxReaderTests.AssertOneLine(fileError, _folder.File("train-images-idx3-ubyte"), "missing file");
    }

    [Fact]
    public void Load_Cifar10Folder_SplitsAndShapes()
    {
        foreach (var file in CifarReader.TrainFiles.Append(CifarReader.TestFile))
        {
            DataFiles.WriteCifar(_folder.File(file), new byte[] { 3, 8 });
        }

        var data = Load(new ExperimentOptions { Task = TaskKind.Cifar10, DataDirectory = _folder.Path, ValidationSize = 2 });

        Assert.Equal(new long[] { 3, 32, 32 }, data.InputShape);
        Assert.Equal(8, data.TrainCount);
        Assert.Equal(new[] { 3, 8 }, data.ValidationLabelArray);
        Assert.Equal(2, data.TestImages.shape[0]);
    }

    private static IEnumerable<float> FirstPixels(torch.Tensor images) =>
        Enumerable.Range(0, (int)images.shape[0]).Select(i => images[i, 0, 0, 0].item<float>());
}
