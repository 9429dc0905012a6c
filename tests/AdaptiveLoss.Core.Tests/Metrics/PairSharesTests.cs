using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Metrics;

/// <summary>Pair shares against hand counts: they decompose error and balanced error exactly.</summary>
public sealed class PairSharesTests
{
    // 3 classes, 7 samples; predictions (arg max) per sample: true 0 → 0, 1, 2; true 1 → 1, 0; true 2 → 2, 2.
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 2, 2];
    private static readonly int[] Predicted = [0, 1, 2, 1, 0, 2, 2];

    private static float[] LogP() => Predicted.SelectMany(p => Enumerable.Range(0, 3).Select(c => c == p ? -0.1f : -3f)).ToArray();

    [Fact]
    public void PairShares_Error_ConfusionsOverN()
    {
        var shares = ClassificationMetrics.PairShares(LogP(), Labels, 3, MetricKind.Error);

        // (0,1): N01 = 1, N10 = 1 → 2/7; (0,2): N02 = 1 → 1/7; (1,2): none.
        Assert.Equal([2.0 / 7, 1.0 / 7, 0.0], shares);
        Assert.Equal(ClassificationMetrics.Error(LogP(), Labels, 3), shares.Sum(), 12);
    }

    [Fact]
    public void PairShares_BalancedError_EachConfusionOverItsClassSizeAndC()
    {
        var shares = ClassificationMetrics.PairShares(LogP(), Labels, 3, MetricKind.BalancedError);

        // (0,1): (1/3 + 1/2)/3; (0,2): (1/3)/3; (1,2): 0.
        Assert.Equal((1.0 / 3 + 0.5) / 3, shares[0], 12);
        Assert.Equal(1.0 / 9, shares[1], 12);
        Assert.Equal(0.0, shares[2]);
        Assert.Equal(ClassificationMetrics.BalancedError(LogP(), Labels, 3), shares.Sum(), 12);
    }

    [Theory]
    [InlineData(MetricKind.F1)]
    [InlineData(MetricKind.Aucpr)]
    public void PairShares_MetricNotASumOverPairs_IsRefused(MetricKind metric) =>
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.PairShares(LogP(), Labels, 3, metric));
}
