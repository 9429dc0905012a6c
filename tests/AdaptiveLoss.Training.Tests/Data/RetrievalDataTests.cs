using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Data;

/// <summary>
/// Retrieval's class-disjoint splits (docs/retrieval.md, "Data"): training and validation from the training file's images
/// of the first N classes, test from the test file's images of the others (relabelled from 0); the format found from the
/// files; a test split too small for Recall@8 refused by the preflight in one line.
/// </summary>
public sealed class RetrievalDataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ChildSettings Retrieval(int? trainClasses = null, int validation = 20) => new ExperimentOptions
    {
        Task = TaskKind.Retrieval, Metric = MetricKind.Recall1, DataDirectory = _folder.Path, ValidationSize = validation, TrainClasses = trainClasses,
    }.ChildSettings();

    [Fact]
    public void Load_IdxFolder_TrainsOnTheFirstHalfTestsTheOthersRelabelled()
    {
        // Labels i mod 10: 200 training images, 100 of classes 0–4; 50 test images, 25 of classes 5–9.
        DataFiles.WriteIdxFolder(_folder.Path, train: 200, test: 50);

        Assert.Null(DataPreflight.Problem(Retrieval()));
        var data = DataCatalog.Load(Retrieval());

        Assert.Equal((5, 80L, 20L, 25L), (data.Classes, data.TrainCount, data.ValidationImages.shape[0], data.TestImages.shape[0]));
        Assert.All(data.TrainLabels.data<long>().ToArray(), l => Assert.InRange(l, 0, 4));
        Assert.All(data.ValidationLabelArray, l => Assert.InRange(l, 0, 4));
        Assert.Equal([0, 1, 2, 3, 4], data.TestLabelArray.Distinct().Order());
        Assert.Equal(80, DataPreflight.Check(Retrieval()));
    }

    [Fact]
    public void Load_TrainClasses_MovesTheSplit()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 200, test: 50);

        var data = DataCatalog.Load(Retrieval(trainClasses: 8));

        Assert.Equal((8, 10L), (data.Classes, data.TestImages.shape[0]));
        Assert.Equal([0, 1], data.TestLabelArray.Distinct().Order());
    }

    [Fact]
    public void Load_CifarFolder_FoundFromTheFiles()
    {
        var labels = Enumerable.Range(0, 40).Select(i => (byte)(i % 10)).ToArray();
        foreach (var name in CifarReader.TrainFiles)
        {
            DataFiles.WriteCifar(Path.Combine(_folder.Path, name), labels);
        }

        DataFiles.WriteCifar(Path.Combine(_folder.Path, CifarReader.TestFile), labels);

        Assert.Null(DataPreflight.Problem(Retrieval()));
        var data = DataCatalog.Load(Retrieval());

        Assert.Equal(new long[] { 3, 32, 32 }, data.InputShape);
        Assert.Equal((5, 20L), (data.Classes, data.TestImages.shape[0]));
    }

    [Fact]
    public void Check_TestSplitSmallerThanTheGallery_OneLineNamingRecallAtK()
    {
        // 15 test images (labels i mod 10): 5 of the unseen classes 5–9, fewer than a query and 8 neighbours.
        DataFiles.WriteIdxFolder(_folder.Path, train: 200, test: 15);

        var problem = DataPreflight.Problem(Retrieval());

        Assert.NotNull(problem);
        Assert.Contains("Recall@8 needs a gallery of 8 images", problem);
        Assert.Contains("5 of the unseen classes 5..9", problem);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Check_ValidationSmallerThanTheGallery_OneLine()
    {
        DataFiles.WriteIdxFolder(_folder.Path, train: 200, test: 50);

        Assert.Contains("validation gallery", DataPreflight.Problem(Retrieval(validation: 5)));
    }
}
