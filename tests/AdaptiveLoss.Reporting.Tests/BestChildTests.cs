using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Reporting.Tests;

public sealed class BestChildTests
{
    [Fact]
    public void ByValidation_ErrorMetric_LowestValidationNotLowestTest()
    {
        // Child 0 has the better test error (0.09) but the worse validation error: the test set never chooses.
        var status = new ExperimentStatus("exp", ExperimentState.Completed,
            [Statuses.Completed(0, 0.12, 0.09, 0.1), Statuses.Completed(1, 0.10, 0.11, 0.1)], 1);

        var best = BestChild.ByValidation(RunHistoryBuilder.Build(Statuses.Options, status, Statuses.Policy()));

        Assert.Equal("exp/1", best?.Id);
    }

    [Fact]
    public void ByValidation_F1Metric_HighestValidation()
    {
        var options = Statuses.Options with { Metric = MetricKind.F1 };

        var best = BestChild.ByValidation(RunHistoryBuilder.Build(options, Statuses.Experiment(), Statuses.Policy()));

        Assert.Equal("exp/0", best?.Id);
    }

    [Fact]
    public void ByValidation_NoChildCompleted_Null()
    {
        var status = new ExperimentStatus("exp", ExperimentState.Failed, [Statuses.Failed(0, 2)], 1);

        Assert.Null(BestChild.ByValidation(RunHistoryBuilder.Build(Statuses.Options, status, Statuses.Policy())));
    }
}
