using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Tests.Metrics;

public sealed class BalancedErrorTests
{
    [Fact]
    public void ClassErrors_HandMade_FractionWrongPerClassNaNWhenAbsent()
    {
        var errors = ClassificationMetrics.ClassErrors(MetricRows.SixSamples(), MetricRows.SixLabels, 4);

        // Class 0: 1 of 3 wrong; class 1: 1 of 2; class 2: 0 of 1; class 3: no samples.
        Assert.Equal(4, errors.Length);
        Assert.Equal(1.0 / 3, errors[0], 15);
        Assert.Equal(0.5, errors[1]);
        Assert.Equal(0.0, errors[2]);
        Assert.True(double.IsNaN(errors[3]));
    }

    [Fact]
    public void ClassErrors_ArgMaxTie_LowestIndexWinsAsInError()
    {
        // Label 1 with a tie between classes 0 and 1: predicted 0, so wrong.
        var errors = ClassificationMetrics.ClassErrors(MetricRows.LogOf([0.5, 0.5]), [1], 2);

        Assert.True(double.IsNaN(errors[0]));
        Assert.Equal(1.0, errors[1]);
    }

    [Fact]
    public void BalancedError_HandMade_MeanOverPresentClasses()
    {
        var balanced = ClassificationMetrics.BalancedError(MetricRows.SixSamples(), MetricRows.SixLabels, 4);

        // (1/3 + 1/2 + 0) / 3 present classes = 5/18, whereas the plain error is 2/6 = 1/3.
        Assert.Equal(5.0 / 18, balanced, 15);
        Assert.Equal(1.0 / 3, ClassificationMetrics.Error(MetricRows.SixSamples(), MetricRows.SixLabels, 4), 15);
    }

    [Fact]
    public void Evaluate_BalancedError_DispatchesAndIsLowerIsBetter()
    {
        var value = ClassificationMetrics.Evaluate(MetricKind.BalancedError, MetricRows.SixSamples(), MetricRows.SixLabels, 4);

        Assert.Equal(5.0 / 18, value, 15);
        Assert.Equal(MetricDirection.LowerIsBetter, ClassificationMetrics.Direction(MetricKind.BalancedError));
    }

    [Fact]
    public void BalancedError_NoSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.BalancedError([], [], 2));
    }

    [Fact]
    public void MetricSet_Compute_EveryMetricMatchesEvaluate()
    {
        var logp = MetricRows.SixSamples();
        var set = MetricSet.Compute(logp, MetricRows.SixLabels, 4);

        // The classification metrics: a classification MetricSet has no retrieval members (RetrievalMetricsTests).
        foreach (var kind in Enum.GetValues<MetricKind>().Where(ExperimentOptionsValidator.IsClassificationMetric))
        {
            Assert.Equal(ClassificationMetrics.Evaluate(kind, logp, MetricRows.SixLabels, 4), set.Get(kind));
        }

        Assert.Equal(1.0 / 3, set.Error, 15);
        Assert.Equal(5.0 / 18, set.BalancedError, 15);
        Assert.Equal(ClassificationMetrics.ClassErrors(logp, MetricRows.SixLabels, 4), set.ClassErrors);
    }

    [Fact]
    public void MetricSet_SameValues_AreEqualIncludingNaNClassErrors()
    {
        var first = MetricSet.Compute(MetricRows.SixSamples(), MetricRows.SixLabels, 4);
        var second = MetricSet.Compute(MetricRows.SixSamples(), MetricRows.SixLabels, 4);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { ClassErrors = [0, 0, 0, double.NaN] });
    }

    [Fact]
    public void MetricSet_Get_UnknownKind_Throws()
    {
        var set = new MetricSet(0.1, 0.2, 0.3, 0.4, []);

        Assert.Equal(0.1, set.Get(MetricKind.Error));
        Assert.Equal(0.2, set.Get(MetricKind.BalancedError));
        Assert.Equal(0.3, set.Get(MetricKind.F1));
        Assert.Equal(0.4, set.Get(MetricKind.Aucpr));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Get((MetricKind)99));
    }
}
