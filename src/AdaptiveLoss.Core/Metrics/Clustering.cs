namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// NMI of metric learning (docs/retrieval.md, "Metrics"): k-means on the embeddings with k = the number of classes, then
/// the normalised mutual information of the clusters with the classes. Deterministic: k-means++ seeding from a fixed
/// seed, a few restarts, the lowest inertia wins.
/// </summary>
public static class Clustering
{
    /// <summary>k-means restarts (each from its own k-means++ seeding).</summary>
    public const int Restarts = 3;

    /// <summary>Lloyd iterations at most per restart.</summary>
    public const int MaxIterations = 50;

    /// <summary>NMI of a k-means clustering of <paramref name="points"/> (n rows of <paramref name="dimensions"/>) with <paramref name="labels"/>.</summary>
    public static double Nmi(float[] points, int dimensions, IReadOnlyList<int> labels, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var k = labels.Distinct().Count();
        return NormalizedMutualInformation(KMeans(points, dimensions, k, seed), labels);
    }

    /// <summary>
    /// The cluster of each point after k-means with <paramref name="k"/> clusters: <see cref="Restarts"/> runs from
    /// k-means++ seedings drawn from <paramref name="seed"/>, the lowest within-cluster sum of squares kept.
    /// </summary>
    public static int[] KMeans(float[] points, int dimensions, int k, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var n = points.Length / dimensions;
        if (n * dimensions != points.Length || k < 1 || k > n)
        {
            throw new ArgumentException($"k-means of {points.Length} values in rows of {dimensions} into {k} clusters");
        }

        var random = new Random(seed);
        int[]? best = null;
        var bestInertia = double.PositiveInfinity;
        for (var r = 0; r < Restarts; r++)
        {
            var (assignment, inertia) = Lloyd(points, dimensions, n, SeedCentres(points, dimensions, n, k, random));
            if (inertia < bestInertia)
            {
                (best, bestInertia) = (assignment, inertia);
            }
        }

        return best!;
    }

    /// <summary>NMI = 2 I(U; V) / (H(U) + H(V)) (the arithmetic normalisation); 1 when both are a single group.</summary>
    public static double NormalizedMutualInformation(IReadOnlyList<int> clusters, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(labels);
        if (clusters.Count != labels.Count || clusters.Count == 0)
        {
            throw new ArgumentException($"{clusters.Count} clusters and {labels.Count} labels");
        }

        double n = clusters.Count;
        var joint = clusters.Zip(labels).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count() / n);
        var pu = clusters.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count() / n);
        var pv = labels.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count() / n);
        var mutual = joint.Sum(e => e.Value * Math.Log(e.Value / (pu[e.Key.First] * pv[e.Key.Second])));
        var entropies = -pu.Values.Sum(p => p * Math.Log(p)) - pv.Values.Sum(p => p * Math.Log(p));
        return entropies <= 0 ? 1.0 : Math.Clamp(2 * mutual / entropies, 0, 1);
    }

    // k-means++ (Arthur and Vassilvitskii 2007): the first centre uniform, each next one drawn ∝ squared distance to the nearest chosen.
    private static double[] SeedCentres(float[] x, int d, int n, int k, Random random)
    {
        var centres = new double[k * d];
        var nearest = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var chosen = random.Next(n);
        for (var c = 0; c < k; c++)
        {
            for (var f = 0; f < d; f++)
            {
                centres[(c * d) + f] = x[(chosen * d) + f];
            }

            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], Squared(x, i, centres, c, d));
                total += nearest[i];
            }

            // All points on the chosen centres: any point will do (a repeated centre empties its cluster, kept as is).
            var target = random.NextDouble() * total;
            chosen = 0;
            for (var acc = nearest[0]; acc < target && chosen < n - 1; acc += nearest[++chosen])
            {
            }
        }

        return centres;
    }

    private static (int[] Assignment, double Inertia) Lloyd(float[] x, int d, int n, double[] centres)
    {
        var k = centres.Length / d;
        var assignment = new int[n];
        var inertia = double.PositiveInfinity;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = iteration == 0;
            inertia = 0;
            for (var i = 0; i < n; i++)
            {
                var (bestC, bestD) = (0, double.PositiveInfinity);
                for (var c = 0; c < k; c++)
                {
                    var dist = Squared(x, i, centres, c, d);
                    if (dist < bestD)
                    {
                        (bestC, bestD) = (c, dist);
                    }
                }

                changed |= assignment[i] != bestC;
                assignment[i] = bestC;
                inertia += bestD;
            }

            if (!changed)
            {
                break;
            }

            Recentre(x, d, n, assignment, centres);
        }

        return (assignment, inertia);
    }

    // Each centre to the mean of its points; an empty cluster keeps its centre.
    private static void Recentre(float[] x, int d, int n, int[] assignment, double[] centres)
    {
        var k = centres.Length / d;
        var sums = new double[centres.Length];
        var counts = new int[k];
        for (var i = 0; i < n; i++)
        {
            counts[assignment[i]]++;
            for (var f = 0; f < d; f++)
            {
                sums[(assignment[i] * d) + f] += x[(i * d) + f];
            }
        }

        for (var c = 0; c < k; c++)
        {
            for (var f = 0; counts[c] > 0 && f < d; f++)
            {
                centres[(c * d) + f] = sums[(c * d) + f] / counts[c];
            }
        }
    }

    private static double Squared(float[] x, int i, double[] centres, int c, int d)
    {
        var sum = 0.0;
        for (var f = 0; f < d; f++)
        {
            var diff = x[(i * d) + f] - centres[(c * d) + f];
            sum += diff * diff;
        }

        return sum;
    }
}
