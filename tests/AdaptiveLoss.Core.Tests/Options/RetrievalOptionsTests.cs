using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

/// <summary>The task's rules (docs/retrieval.md, "Options"): each metric and setting belongs to one task, one error naming it.</summary>
public sealed class RetrievalOptionsTests
{
    private static readonly ExperimentOptions Retrieval = new() { Task = TaskKind.Retrieval, Metric = MetricKind.Recall1 };

    [Fact]
    public void Validate_RetrievalWithARetrievalMetric_NoErrors()
    {
        Assert.Empty(Retrieval.Validate());
        Assert.Empty((Retrieval with { Metric = MetricKind.Aucpr, Loss = LossMode.Fixed, TrainClasses = 8 }).Validate());
    }

    [Theory]
    [InlineData(MetricKind.Error)]
    [InlineData(MetricKind.F1)]
    [InlineData(MetricKind.BalancedError)]
    public void Validate_RetrievalWithAClassificationMetric_OneErrorOnTheMetric(MetricKind metric)
    {
        var error = Assert.Single((Retrieval with { Metric = metric }).Validate());

        Assert.Equal(nameof(ExperimentOptions.Metric), error.Setting);
        Assert.Contains("classification metric", error.ToString());
    }

    [Theory]
    [InlineData(MetricKind.Recall1)]
    [InlineData(MetricKind.Nmi)]
    public void Validate_ClassificationWithARetrievalMetric_OneErrorOnTheMetric(MetricKind metric)
    {
        var error = Assert.Single(new ExperimentOptions { Metric = metric }.Validate());

        Assert.Equal(nameof(ExperimentOptions.Metric), error.Setting);
        Assert.Contains("retrieval metric", error.ToString());
    }

    [Theory]
    [InlineData(nameof(ExperimentOptions.TrainClasses))]
    [InlineData(nameof(ExperimentOptions.EmbeddingDim))]
    [InlineData(nameof(ExperimentOptions.Bins))]
    [InlineData(nameof(ExperimentOptions.Credit))]
    [InlineData(nameof(ExperimentOptions.Loss))]
    [InlineData(nameof(ExperimentOptions.ClassOffsets))]
    [InlineData(nameof(ExperimentOptions.Imbalance))]
    public void Validate_RetrievalWithABadSetting_OneErrorNamingIt(string setting)
    {
        var options = setting switch
        {
            nameof(ExperimentOptions.TrainClasses) => Retrieval with { TrainClasses = 9 },
            nameof(ExperimentOptions.EmbeddingDim) => Retrieval with { EmbeddingDim = 1 },
            nameof(ExperimentOptions.Bins) => Retrieval with { Bins = 0 },
            nameof(ExperimentOptions.Credit) => Retrieval with { Credit = CreditKind.Pair },
            nameof(ExperimentOptions.Loss) => Retrieval with { Loss = LossMode.Focal },
            nameof(ExperimentOptions.ClassOffsets) => Retrieval with { ClassOffsets = true },
            _ => Retrieval with { Imbalance = 10 },
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Setting == setting);
    }

    [Fact]
    public void Validate_TrainClassesOnClassification_OneError()
    {
        Assert.Equal(nameof(ExperimentOptions.TrainClasses), Assert.Single(new ExperimentOptions { TrainClasses = 5 }.Validate()).Setting);
    }

    [Fact]
    public void ResolvedTrainClasses_Default_HalfTheClasses()
    {
        Assert.Equal(5, Retrieval.ChildSettings().ResolvedTrainClasses(10));
        Assert.Equal(3, (Retrieval with { TrainClasses = 3 }).ChildSettings().ResolvedTrainClasses(10));
    }
}
