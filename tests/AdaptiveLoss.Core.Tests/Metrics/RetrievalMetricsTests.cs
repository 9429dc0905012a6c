using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Tests.Metrics;

/// <summary>
/// Recall@K, pair AUCPR and NMI (docs/retrieval.md, "Metrics") against hand-computed values. The points of the first tests
/// lie on a line at 0, 1, 3 and 7 with classes A, A, B, B: query 2's nearest images are 1 (A, at 2), 0 (A, at 3), 3 (B, at 4).
/// </summary>
public sealed class RetrievalMetricsTests
{
    private static readonly double[] Line = [0, 1, 3, 7];
    private static readonly int[] Labels = [0, 0, 1, 1];

    private static double[,] Distances()
    {
        var d = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                d[i, j] = Math.Abs(Line[i] - Line[j]);
            }
        }

        return d;
    }

    [Theory]
    [InlineData(1, 0.75)]
    [InlineData(2, 0.75)]
    [InlineData(3, 1.0)]
    public void RecallAtK_PointsOnALine_HandComputed(int k, double expected)
    {
        var neighbours = RetrievalMetrics.NeighbourLabels(Distances(), Labels, k);

        Assert.Equal(expected, RetrievalMetrics.RecallAtK(Labels, neighbours, k), 12);
    }

    [Fact]
    public void NeighbourLabels_KAboveTheGallery_ThrowsNamingTheGallery()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalMetrics.NeighbourLabels(Distances(), Labels, 4));

        Assert.Contains("gallery", error.Message);
    }

    [Fact]
    public void RecallAtK_FewerNeighboursThanK_Throws()
    {
        Assert.Throws<ArgumentException>(() => RetrievalMetrics.RecallAtK([0], [[0]], 2));
    }

    [Fact]
    public void PairAveragePrecision_PointsOnALine_HandComputed()
    {
        // Pairs by distance: 1 same, 2, 3 different, 4 same, 6, 7 different: AP = ½·1 + ½·(2/4).
        double[] distances = [1, 3, 7, 2, 6, 4];
        bool[] same = [true, false, false, false, false, true];

        Assert.Equal(0.75, RetrievalMetrics.PairAveragePrecision(distances, same), 12);
    }

    [Fact]
    public void PairAveragePrecision_TiedDistances_OneThresholdPerTie()
    {
        // Distance 1 holds a positive and a negative (precision ½), distance 2 a positive (precision 2/3).
        Assert.Equal((0.5 * 0.5) + (0.5 * 2 / 3.0), RetrievalMetrics.PairAveragePrecision([1.0, 1.0, 2.0], [true, false, true]), 12);
    }

    [Fact]
    public void PairAveragePrecision_Histograms_EqualThePairsWhenBinsSeparateThem()
    {
        // The line's pairs in eight bins of width 1: bins 1 and 4 hold the positives.
        long[] positive = [0, 1, 0, 0, 1, 0, 0, 0];
        long[] negative = [0, 0, 1, 1, 0, 0, 1, 1];

        Assert.Equal(0.75, RetrievalMetrics.PairAveragePrecision(positive, negative), 12);
        Assert.Equal(0.0, RetrievalMetrics.PairAveragePrecision(new long[3], [1, 2, 3]));
    }

    [Fact]
    public void Nmi_HandMadeClusters_HandComputed()
    {
        Assert.Equal(1.0, Clustering.NormalizedMutualInformation([0, 0, 1, 1], [1, 1, 0, 0]), 12);
        Assert.Equal(0.0, Clustering.NormalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1]), 12);
        // Clusters {0,1,2}, {3} against classes {0,1}, {2,3}.
        var mutual = (0.5 * Math.Log(4 / 3.0)) + (0.25 * Math.Log(2 / 3.0)) + (0.25 * Math.Log(2));
        var entropies = -(0.75 * Math.Log(0.75)) - (0.25 * Math.Log(0.25)) + Math.Log(2);
        Assert.Equal(2 * mutual / entropies, Clustering.NormalizedMutualInformation([0, 0, 0, 1], [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Nmi_TwoSeparatedBlobs_KMeansFindsTheClasses()
    {
        float[] points = [0, 0, 0.1f, 0, 0, 0.1f, 5, 5, 5.1f, 5, 5, 5.1f];
        int[] labels = [3, 3, 3, 7, 7, 7];

        var clusters = Clustering.KMeans(points, 2, 2, seed: 1);

        Assert.Equal(clusters.Take(3).Distinct().Single(), clusters[1]);
        Assert.NotEqual(clusters[0], clusters[4]);
        Assert.Equal(1.0, Clustering.Nmi(points, 2, labels), 12);
        Assert.Equal(clusters, Clustering.KMeans(points, 2, 2, seed: 1));
    }

    [Fact]
    public void MetricSet_RetrievalKinds_ComeFromTheRetrievalMembers()
    {
        var set = new MetricSet(0.25, 0.25, 0.75, 0.6, [0.2, 0.3]) { Retrieval = new RetrievalMetricSet(0.75, 0.8, 0.9, 1.0, 0.5, 0.6) };

        Assert.Equal((0.75, 0.8, 0.9, 1.0, 0.5, 0.6), (set.Get(MetricKind.Recall1), set.Get(MetricKind.Recall2), set.Get(MetricKind.Recall4),
            set.Get(MetricKind.Recall8), set.Get(MetricKind.Nmi), set.Get(MetricKind.Aucpr)));
        Assert.Throws<InvalidOperationException>(() => (set with { Retrieval = null }).Get(MetricKind.Nmi));
        Assert.Equal(MetricDirection.HigherIsBetter, ClassificationMetrics.Direction(MetricKind.Recall1));
    }
}
