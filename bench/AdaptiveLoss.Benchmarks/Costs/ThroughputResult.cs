namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>Part (a): bare loop versus grains on the same children (target: ratio ≥ 0.97).</summary>
/// <param name="Runs">Every timed run, in the order run (alternating).</param>
/// <param name="BareImagesPerSecond">Median aggregate img/s of the bare runs (training images / wall).</param>
/// <param name="GrainsImagesPerSecond">Median aggregate img/s of the grains runs.</param>
/// <param name="Ratio">GrainsImagesPerSecond / BareImagesPerSecond.</param>
/// <param name="BareChildrenImagesPerSecond">Median of the children's own summed training img/s, bare.</param>
/// <param name="GrainsChildrenImagesPerSecond">Median of the children's own summed training img/s, grains.</param>
/// <param name="ChildrenRatio">GrainsChildrenImagesPerSecond / BareChildrenImagesPerSecond.</param>
/// <param name="PairRatios">Grains / bare of each alternating pair (aggregate img/s).</param>
/// <param name="Target">The target for <paramref name="Ratio"/>.</param>
/// <param name="BareOutsideSeconds">Median wall time outside the children's own runs, bare.</param>
/// <param name="GrainsOutsideSeconds">Median wall time outside the children's own runs, grains.</param>
internal sealed record ThroughputResult(
    IReadOnlyList<ThroughputRun> Runs,
    double BareImagesPerSecond,
    double GrainsImagesPerSecond,
    double Ratio,
    double BareChildrenImagesPerSecond,
    double GrainsChildrenImagesPerSecond,
    double ChildrenRatio,
    IReadOnlyList<double> PairRatios,
    double Target,
    double BareOutsideSeconds,
    double GrainsOutsideSeconds)
{
    /// <summary>The target: orchestration throughput ≥ 0.97 × the bare loop.</summary>
    public const double TargetRatio = 0.97;

    /// <summary>Medians and ratios of <paramref name="runs"/> (at least one of each mode).</summary>
    public static ThroughputResult Of(IReadOnlyList<ThroughputRun> runs)
    {
        var bare = runs.Where(r => r.Mode == "bare").ToArray();
        var grains = runs.Where(r => r.Mode == "grains").ToArray();
        var bareIps = LatencySummary.Median(bare.Select(r => r.ImagesPerSecond));
        var grainsIps = LatencySummary.Median(grains.Select(r => r.ImagesPerSecond));
        var bareChildren = LatencySummary.Median(bare.Select(r => r.ChildrenImagesPerSecond));
        var grainsChildren = LatencySummary.Median(grains.Select(r => r.ChildrenImagesPerSecond));
        var pairs = bare.Join(grains, b => b.Repeat, g => g.Repeat, (b, g) => g.ImagesPerSecond / b.ImagesPerSecond).ToArray();
        return new ThroughputResult(runs, bareIps, grainsIps, grainsIps / bareIps, bareChildren, grainsChildren,
            grainsChildren / bareChildren, pairs, TargetRatio,
            LatencySummary.Median(bare.Select(r => r.OutsideChildrenSeconds)), LatencySummary.Median(grains.Select(r => r.OutsideChildrenSeconds)));
    }
}
