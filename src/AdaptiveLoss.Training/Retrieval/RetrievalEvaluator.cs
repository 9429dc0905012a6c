using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Retrieval;

/// <summary>
/// Retrieval on a split (docs/retrieval.md, "Metrics"): the model embeds every image (eval mode, no gradients, in
/// chunks), then each image is a query against all the others (leave-one-out). Distances are computed a block of
/// queries at a time, so memory stays at block × n whatever n is (5,000 test images are 25 M distances): each block
/// yields its queries' <see cref="RetrievalMetrics.MaxK"/> nearest labels and its share of the pair histograms (pairs
/// i &lt; j only), coarse (the state's B bins) and fine (<see cref="FineBins"/>, for the pair AUCPR). The metrics are Core's.
/// </summary>
internal static class RetrievalEvaluator
{
    /// <summary>Images per forward pass and queries per distance block.</summary>
    public const int ChunkSize = 1000;

    /// <summary>Bins of the histograms the pair AUCPR is read from: width 2/65,536, so only near-equal distances share a threshold.</summary>
    public const int FineBins = 1 << 16;

    /// <summary>The metrics of <paramref name="model"/> on a split; NMI (a k-means) only when <paramref name="withNmi"/>, else 0.</summary>
    public static RetrievalMeasurement Measure(nn.Module<Tensor, Tensor> model, Tensor images, int[] labels, int bins, bool withNmi, Device device)
    {
        var (embeddings, maxAbs, dimensions) = Embed(model, images, device);
        using (embeddings)
        {
            if (!double.IsFinite(maxAbs))
            {
                // A NaN embedding has no neighbours: the guards roll the window back (docs/design.md §1.7).
                var nan = new MetricSet(double.NaN, double.NaN, double.NaN, double.NaN, []);
                return new RetrievalMeasurement(nan, maxAbs, new double[bins], new double[bins]);
            }

            var n = labels.Length;
            var neighbours = new int[n][];
            var (positive, negative) = (new long[bins], new long[bins]);
            var (finePositive, fineNegative) = (new long[FineBins], new long[FineBins]);
            using var labelTensor = torch.tensor(labels.Select(l => (long)l).ToArray());
            for (var start = 0; start < n; start += ChunkSize)
            {
                using var scope = torch.NewDisposeScope();
                var length = Math.Min(ChunkSize, n - start);
                Block(embeddings, labelTensor, start, length, neighbours, (positive, negative, bins), (finePositive, fineNegative, FineBins));
            }

            var recalls = RetrievalMetrics.Ks.Select(k => RetrievalMetrics.RecallAtK(labels, neighbours, k)).ToArray();
            var nmi = withNmi ? Clustering.Nmi(embeddings.data<float>().ToArray(), dimensions, labels) : 0.0;
            var retrieval = new RetrievalMetricSet(recalls[0], recalls[1], recalls[2], recalls[3], nmi,
                RetrievalMetrics.PairAveragePrecision(finePositive, fineNegative));
            return new RetrievalMeasurement(Classification(neighbours, labels, retrieval), maxAbs,
                DistanceBins.Shares(positive), DistanceBins.Shares(negative));
        }
    }

    // The queries [start, start + length): their nearest labels, and the histograms of their pairs with later images.
    private static void Block(Tensor embeddings, Tensor labels, int start, int length, int[][] neighbours,
        (long[] Positive, long[] Negative, int Bins) coarse, (long[] Positive, long[] Negative, int Bins) fine)
    {
        // Scalars held for the whole block (HeldScalars: a long native call must not outlive an implicit one).
        using var k = new HeldScalars();
        var n = embeddings.shape[0];
        var d = MarginLoss.Distances(embeddings.narrow(0, start, length), embeddings);
        var queries = torch.arange(k.Int(start), k.Int(start + length), dtype: ScalarType.Int64).unsqueeze(1);
        var columns = torch.arange(k.Int(0), k.Int(n), dtype: ScalarType.Int64).unsqueeze(0);
        var isSelf = columns.eq(queries);
        var nearest = d.masked_fill(isSelf, k[double.PositiveInfinity]).topk(RetrievalMetrics.MaxK, dim: 1, largest: false, sorted: true).indexes;
        var nearestLabels = labels.index_select(0, nearest.flatten()).view(length, RetrievalMetrics.MaxK).to_type(ScalarType.Int32);
        var flat = nearestLabels.data<int>().ToArray();
        for (var q = 0; q < length; q++)
        {
            neighbours[start + q] = flat[(q * RetrievalMetrics.MaxK)..((q + 1) * RetrievalMetrics.MaxK)];
        }

        // Each unordered pair once: the later image of the pair is a column to the right of the query's own.
        var later = columns.gt(queries);
        var same = labels.narrow(0, start, length).unsqueeze(1).eq(labels.unsqueeze(0));
        Count(d, later.logical_and(same), later.logical_and(same.logical_not()), coarse);
        Count(d, later.logical_and(same), later.logical_and(same.logical_not()), fine);
    }

    private static void Count(Tensor d, Tensor positives, Tensor negatives, (long[] Positive, long[] Negative, int Bins) histogram)
    {
        var bins = MarginLoss.BinsOf(d, histogram.Bins);
        Add(bins.masked_select(positives), histogram.Positive);
        Add(bins.masked_select(negatives), histogram.Negative);
    }

    private static void Add(Tensor binIndices, long[] counts)
    {
        if (binIndices.numel() == 0)
        {
            return;
        }

        var added = torch.bincount(binIndices, minlength: counts.Length).data<long>().ToArray();
        for (var b = 0; b < counts.Length; b++)
        {
            counts[b] += added[b];
        }
    }

    // The classification members from the leave-one-out 1-NN predictions (a one-hot "log-probability" each), Aucpr from pairs.
    private static MetricSet Classification(int[][] neighbours, int[] labels, RetrievalMetricSet retrieval)
    {
        var classes = labels.Max() + 1;
        var logP = new float[labels.Length * classes];
        Array.Fill(logP, -100f);
        for (var q = 0; q < labels.Length; q++)
        {
            logP[(q * classes) + neighbours[q][0]] = 0f;
        }

        return MetricSet.Compute(logP, labels, classes) with { Aucpr = retrieval.Aucpr, Retrieval = retrieval };
    }

    // L2-normalised embeddings [n, D] on the CPU (owned by the caller), the largest |raw output| and D.
    private static (Tensor Embeddings, double MaxAbs, int Dimensions) Embed(nn.Module<Tensor, Tensor> model, Tensor images, Device device)
    {
        var count = images.shape[0];
        var parts = new List<Tensor>();
        var maxAbs = 0.0;
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            for (long start = 0; start < count; start += ChunkSize)
            {
                using var scope = torch.NewDisposeScope();
                var outputs = model.call(images.narrow(0, start, Math.Min(ChunkSize, count - start)).to(device));
                // Math.Max propagates NaN, so a NaN output reaches the guard.
                maxAbs = Math.Max(maxAbs, outputs.abs().max().to_type(ScalarType.Float64).item<double>());
                parts.Add(nn.functional.normalize(outputs, p: 2, dim: 1).to_type(ScalarType.Float32).cpu().DetachFromDisposeScope());
            }
        }
        finally
        {
            model.train();
        }

        var all = torch.cat(parts, 0);
        parts.ForEach(p => p.Dispose());
        return (all, maxAbs, (int)all.shape[1]);
    }
}

/// <summary>What a retrieval pass measured: every metric, the largest |raw output| and the pair histograms' shares per bin.</summary>
internal sealed record RetrievalMeasurement(MetricSet Metrics, double MaxAbs, double[] PositiveShares, double[] NegativeShares);
