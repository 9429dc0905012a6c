using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Data;

/// <summary>
/// The mismatch transforms through the data catalog (docs/mismatch.md): validation carved first and clean, the test
/// split untouched, the training split long-tailed or noisy exactly as Core's pure functions say, seeded by --data-seed.
/// Image i of the generated training file has every pixel = i / 255 and label i mod 10, so a split shows which images it holds.
/// </summary>
public sealed class DataTransformTests : IDisposable
{
    private const int TrainImages = 250;
    private readonly TempFolder _folder = new();

    public DataTransformTests() => DataFiles.WriteIdxFolder(_folder.Path, train: TrainImages, test: 30);

    public void Dispose() => _folder.Dispose();

    // The tests write the user's options (the experiment seed among them, which must not change the data); the catalog
    // reads the child's part of them (docs/design.md §3, "Settings by owner").
    private static TaskData Load(ExperimentOptions options, bool normalize = true) => DataCatalog.Load(options.ChildSettings(), normalize);

    private ExperimentOptions Idx() => new() { Task = TaskKind.Idx, DataDirectory = _folder.Path, ValidationSize = 20 };

    [Fact]
    public void Load_Imbalance_KeepsTheLongTailedCountsAndLeavesValidationAndTestAlone()
    {
        var data = Load(Idx() with { Imbalance = 5 }, normalize: false);

        // Balanced validation: the last 2 images of every class = images 230-249; 23 per class are left for training.
        Assert.Equal(Enumerable.Range(230, 20).Select(i => i / 255f), FirstPixels(data.ValidationImages));
        var expected = LongTail.Counts(Enumerable.Repeat(23, 10).ToArray(), 5, Enumerable.Range(0, 10).ToArray());
        Assert.Equal(expected, data.Summary.TrainClassCounts);
        Assert.Equal(expected, Counts(Labels(data)));
        Assert.Equal(23, expected[0]);
        Assert.Equal(4, expected[9]); // ⌊23 · 5^(−1)⌋
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i / 255f), FirstPixels(data.TestImages));
        Assert.Null(data.Summary.NoiseMatrix);
        // Every kept image is one of the training file's first 230 and keeps its own label.
        Assert.All(FirstPixels(data.TrainImages).Zip(Labels(data)), p => Assert.Equal((int)Math.Round(p.First * 255) % 10, p.Second));
    }

    [Fact]
    public void Load_Imbalance_SameDataSeedSameImages_AnotherSeedOthers()
    {
        var options = Idx() with { Imbalance = 3, TrainLimit = 200 };

        var first = FirstPixels(Load(options, normalize: false).TrainImages).ToArray();
        var again = FirstPixels(Load(options with { Seed = 99 }, normalize: false).TrainImages).ToArray();
        var other = FirstPixels(Load(options with { DataSeed = 2 }, normalize: false).TrainImages).ToArray();

        Assert.Equal(first, again); // the experiment seed does not touch the data
        Assert.Equal(first.Length, other.Length);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Load_PairFlip_FlipsOnlyListedClassesToTheirPartner_ValidationAndTestStayClean()
    {
        var noise = new LabelNoise(LabelNoiseKind.PairFlip, 0.4, [new FlipPair(0, 1)]);
        var data = Load(Idx() with { LabelNoise = noise }, normalize: false);

        var clean = FirstPixels(data.TrainImages).Select(p => (int)Math.Round(p * 255) % 10).ToArray();
        var noisy = Labels(data);
        Assert.Equal(noise.Apply(clean, 10, 1), noisy);
        Assert.All(clean.Zip(noisy), p => Assert.True(p.First == p.Second || (p.First, p.Second) is (0, 1) or (1, 0)));
        Assert.Contains(clean.Zip(noisy), p => p.First != p.Second);
        Assert.Equal(Enumerable.Range(230, 20).Select(i => i % 10), data.ValidationLabelArray);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i % 10), data.TestLabelArray);
        var realised = data.Summary.NoiseMatrix!;
        Assert.Equal(1.0, realised[5][5]);
        Assert.Equal(1.0, realised[0][0] + realised[0][1], 12);
        Assert.Equal(Counts(noisy), data.Summary.TrainClassCounts);
    }

    [Fact]
    public void Load_BalancedValidationLargerThanAClass_IsADataFormatErrorNamingTheClass()
    {
        // Class 9 relabelled 0: the balanced split cannot take its 2 images.
        var labels = DataFiles.LabelsByIndex(TrainImages).Select(l => l == 9 ? (byte)0 : l).ToArray();
        DataFiles.WriteLabels(Path.Combine(_folder.Path, "train-labels-idx1-ubyte.gz"), labels, gzip: true);

        var error = Assert.Throws<DataFormatException>(() =>
            Load(Idx() with { ValidationSplit = ValidationSplitKind.Balanced, DataSeed = 3 }, normalize: false));

        Assert.Contains("class 9 has 0 images, fewer than the 2 the balanced validation split takes", error.Message);
    }

    [Fact]
    public void Load_TailSplitWithoutTransforms_IsTheHistoricCarve()
    {
        var data = Load(Idx() with { TrainLimit = 50 }, normalize: false);

        Assert.Equal(Enumerable.Range(230, 20).Select(i => i / 255f), FirstPixels(data.ValidationImages));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i / 255f), FirstPixels(data.TrainImages));
        Assert.Equal(Enumerable.Repeat(5, 10), data.Summary.TrainClassCounts);
    }

    private static int[] Labels(TaskData data) => data.TrainLabels.data<long>().Select(l => (int)l).ToArray();

    private static int[] Counts(int[] labels) => Enumerable.Range(0, 10).Select(c => labels.Count(l => l == c)).ToArray();

    private static IEnumerable<float> FirstPixels(torch.Tensor images) =>
        Enumerable.Range(0, (int)images.shape[0]).Select(i => images[i, 0, 0, 0].item<float>());
}
