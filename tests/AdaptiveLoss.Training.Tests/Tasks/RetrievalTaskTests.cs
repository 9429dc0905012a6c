using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tests.Children;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Tasks;

/// <summary>
/// One tiny retrieval child end to end (docs/retrieval.md) with real TorchSharp: the synthetic quadrant images, trained on
/// classes 0–1, tested by leave-one-out retrieval on classes 2–3 (relabelled 0–1), as the data catalog splits them.
/// </summary>
public sealed class RetrievalTaskTests : IDisposable
{
    private const int Bins = 4;
    private readonly TaskData _data = ClassDisjoint(SyntheticTask.Create(train: 384, validation: 96, test: 128));

    public void Dispose() => _data.Dispose();

    internal static ChildSettings Options(LossMode loss = LossMode.Ala) => new()
    {
        Task = TaskKind.Retrieval,
        Model = ModelKind.Mlp,
        Metric = MetricKind.Recall1,
        Epochs = 2,
        BatchSize = 32,
        Window = 4,
        EvaluationsPerWindow = 2,
        LearningRate = 3e-3,
        Beta = 0.1,
        PhiMax = 0.5,
        Bins = Bins,
        EmbeddingDim = 8,
        Loss = loss,
        CollapseFactor = 100,
    };

    [Fact]
    public void Run_TinyRetrievalChild_BinStatesMovedWeightsAndEveryRetrievalMetric()
    {
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 3, Options()), _data);

        var outcome = trainer.Run(controller, CancellationToken.None);

        // 2B groups of 2H + 4 features; after the first observation each polarity's shares × B sum to B.
        Assert.All(controller.States, s => Assert.Equal((2 * Bins, 24), (s.Length, s[0].Length)));
        Assert.Equal(Bins, controller.States[1].Take(Bins).Sum(row => (double)row[0]), 3);
        Assert.Equal(Bins, controller.States[1].Skip(Bins).Sum(row => (double)row[0]), 3);
        Assert.Equal(2 * Bins, outcome.FinalPhi.Length);
        Assert.Contains(outcome.FinalPhi, w => w != 1.0);
        Assert.All(controller.Reports, r => Assert.False(r.Discarded));
        var retrieval = outcome.Test!.Retrieval!;
        Assert.True(retrieval.Recall1 <= retrieval.Recall2 && retrieval.Recall2 <= retrieval.Recall4 && retrieval.Recall4 <= retrieval.Recall8);
        Assert.InRange(retrieval.Nmi, 0, 1);
        Assert.InRange(retrieval.Aucpr, 0, 1);
        Assert.Equal(1 - retrieval.Recall1, outcome.TestError, 12);
        Assert.Equal(retrieval.Recall1, outcome.TestMetric);
        // Unseen quadrants are still told apart by an embedding of the seen ones (chance Recall@1 is about 0.5).
        Assert.True(retrieval.Recall1 > 0.8, $"Recall@1 {retrieval.Recall1}");
        Assert.True(controller.Reports[0].TrainLoss > controller.Reports[^1].TrainLoss, "the margin loss falls");
    }

    [Fact]
    public void Run_Fixed_WeightsStayAtOne()
    {
        using var trainer = new ChildTrainer(new ChildSpec("exp/0", 0, 3, Options(LossMode.Fixed)), _data);

        var outcome = trainer.Run(new RecordingController(), CancellationToken.None);

        Assert.All(outcome.FinalPhi, w => Assert.Equal(1.0, w));
    }

    // Classes 0–1 train and validate; the test split keeps classes 2–3, relabelled 0–1 (DataCatalog's class-disjoint split).
    private static TaskData ClassDisjoint(TaskData all)
    {
        using (all)
        {
            var (trainX, trainY) = Keep(all.TrainImages, all.TrainLabels, l => l.lt(2), 0);
            var (validationX, validationY) = Keep(all.ValidationImages, all.ValidationLabels, l => l.lt(2), 0);
            var (testX, testY) = Keep(all.TestImages, all.TestLabels, l => l.ge(2), 2);
            return new TaskData("synthetic", 2, trainX, trainY, validationX, validationY, testX, testY);
        }
    }

    private static (torch.Tensor, torch.Tensor) Keep(torch.Tensor images, torch.Tensor labels, Func<torch.Tensor, torch.Tensor> which, long shift)
    {
        using var mask = which(labels);
        using var index = mask.nonzero().squeeze(1);
        return (images.index_select(0, index), labels.index_select(0, index).sub(shift));
    }
}
