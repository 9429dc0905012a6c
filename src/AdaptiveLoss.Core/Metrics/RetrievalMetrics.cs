namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// The retrieval metrics of metric learning (docs/retrieval.md, "Metrics"), on plain arrays: Recall@K from each query's
/// nearest neighbours (leave-one-out: the gallery is every other image), and the pair-verification AUCPR, the average
/// precision of −distance as the score of "same class" over every unordered pair. NMI is in <see cref="Clustering"/>.
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>The K of Recall@K that every run reports.</summary>
    public static IReadOnlyList<int> Ks { get; } = [1, 2, 4, 8];

    /// <summary>The largest K reported: a split needs a gallery of at least this many images (this + 1 images).</summary>
    public const int MaxK = 8;

    /// <summary>
    /// Recall@K: the share of queries with at least one of their <paramref name="k"/> nearest neighbours of their class.
    /// <paramref name="neighbourLabels"/>[q] lists the labels of query q's neighbours, nearest first (at least K of them).
    /// </summary>
    public static double RecallAtK(IReadOnlyList<int> queryLabels, IReadOnlyList<int[]> neighbourLabels, int k)
    {
        ArgumentNullException.ThrowIfNull(queryLabels);
        ArgumentNullException.ThrowIfNull(neighbourLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (queryLabels.Count == 0 || queryLabels.Count != neighbourLabels.Count)
        {
            throw new ArgumentException($"{queryLabels.Count} queries and {neighbourLabels.Count} neighbour lists");
        }

        var hits = 0;
        for (var q = 0; q < queryLabels.Count; q++)
        {
            var neighbours = neighbourLabels[q];
            if (neighbours.Length < k)
            {
                throw new ArgumentException($"Recall@{k} needs {k} neighbours of query {q}, it has {neighbours.Length}: the gallery is smaller than K");
            }

            hits += neighbours.AsSpan(0, k).Contains(queryLabels[q]) ? 1 : 0;
        }

        return (double)hits / queryLabels.Count;
    }

    /// <summary>
    /// The reference neighbour search: for each query (row of the n×n <paramref name="distances"/>) the labels of its
    /// <paramref name="k"/> nearest other images, nearest first, ties to the lower index.
    /// </summary>
    public static int[][] NeighbourLabels(double[,] distances, IReadOnlyList<int> labels, int k)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(labels);
        var n = labels.Count;
        if (k > n - 1)
        {
            throw new ArgumentException($"Recall@{k} needs a gallery of {k} images; {n} images leave {n - 1} for each query");
        }

        return [.. Enumerable.Range(0, n).Select(q => Enumerable.Range(0, n).Where(j => j != q)
            .OrderBy(j => distances[q, j]).ThenBy(j => j).Take(k).Select(j => labels[j]).ToArray())];
    }

    /// <summary>
    /// Average precision of "same class" ranked by increasing distance, one threshold per group of equal distances:
    /// AP = Σ (R_t − R_{t−1}) P_t. <paramref name="distances"/>[p] is pair p's distance, <paramref name="same"/>[p]
    /// whether its two images share a class. 0 when no pair is positive.
    /// </summary>
    public static double PairAveragePrecision(IReadOnlyList<double> distances, IReadOnlyList<bool> same)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(same);
        if (distances.Count != same.Count)
        {
            throw new ArgumentException($"{distances.Count} distances and {same.Count} labels");
        }

        // Equal distances form one threshold: grouped, they are a histogram whose bins are the distinct distances.
        var groups = Enumerable.Range(0, distances.Count).GroupBy(p => distances[p]).OrderBy(g => g.Key).ToList();
        return PairAveragePrecision(
            [.. groups.Select(g => (long)g.Count(p => same[p]))],
            [.. groups.Select(g => (long)g.Count(p => !same[p]))]);
    }

    /// <summary>
    /// The same from histograms of the positive and negative pairs' distances over bins in increasing distance (the form
    /// a large split is measured in, with bounded memory): each bin is one threshold, so with bins narrow enough to hold
    /// distinct distances apart this is the exact AP.
    /// </summary>
    public static double PairAveragePrecision(IReadOnlyList<long> positive, IReadOnlyList<long> negative)
    {
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(negative);
        if (positive.Count != negative.Count)
        {
            throw new ArgumentException($"{positive.Count} positive and {negative.Count} negative bins");
        }

        var positives = positive.Sum();
        if (positives == 0)
        {
            return 0.0;
        }

        long truePositives = 0, ranked = 0;
        var ap = 0.0;
        for (var b = 0; b < positive.Count; b++)
        {
            truePositives += positive[b];
            ranked += positive[b] + negative[b];
            if (positive[b] > 0)
            {
                ap += (double)positive[b] / positives * truePositives / ranked;
            }
        }

        return ap;
    }
}
