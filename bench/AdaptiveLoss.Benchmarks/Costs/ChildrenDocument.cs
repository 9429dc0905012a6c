using System.Globalization;
using AdaptiveLoss.Benchmarks.Report;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>The tables of parts (e) and (f) (<see cref="ChildrenBench"/>), medians over the arms of each setting.</summary>
internal static class ChildrenDocument
{
    /// <summary>
    /// FLOP per SmallCnn training image: forward 2.23 M (conv1 28·28·16·9·2 = 0.23 M, conv2 14·14·32·16·9·2 = 1.81 M,
    /// fc 1568·64·2 + 64·10·2 = 0.20 M) × 3 for forward + backward.
    /// </summary>
    public const double CnnFlopPerImage = 6.7e6;

    /// <summary>Part (e): before/after the child tuning.</summary>
    public static DocumentTable Tuning(IReadOnlyList<ArmResult> arms)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var tuning in new[] { "off", "on" })
        {
            var set = arms.Where(a => a.Tuning == tuning).ToArray();
            if (set.Length == 0)
            {
                continue;
            }

            var own = M(set, a => a.Run.ChildrenImagesPerSecond);
            var bare = M(set, a => a.BareImagesPerSecond);
            var limit = M(set, a => a.PeakGflops) * 1e9 / CnnFlopPerImage;
            rows.Add([
                tuning == "off" ? "before (ALA_CHILD_TUNING=off)" : "after", I(set.Length), N(M(set, a => a.Run.ImagesPerSecond)), N(own), N(bare),
                $"**{R(own / bare)}** (target ≥ 0.9)", S(M(set, a => a.UserSeconds)), S(M(set, a => a.SystemSeconds)),
                $"**{P(M(set, a => a.KernelPercent))}** (target < 5 %)", N(M(set, a => a.MinorFaults)),
                P(100 * (1 - M(set, a => a.Run.ImagesPerSecond / a.Run.ChildrenImagesPerSecond))), P(100 * own / limit),
                N(M(set, a => a.PeakRssBytes) / 1048576.0),
            ]);
        }

        var first = arms[0];
        return new DocumentTable(
            "(e) The children's CPU: before and after the child tuning (CNN, part (a)'s experiment, grains)",
            ["arm", "runs", "aggregate img/s", "children's own img/s", "bare loops img/s", "own / bare", "user s", "sys s", "kernel share",
                "minor faults", "wall outside training steps", "own img/s of the arithmetic limit", "peak RSS MiB"],
            rows,
            $"Each arm is a process of its own (`costs-arm`), alternating before/after; medians. CPU and faults cover the grains run only. "
            + $"Bare loops = one plain TorchSharp loop per child at once (index_select, forward, cross-entropy, backward, Adam, loss.item()), "
            + $"{ChildrenBench.BareBatches} timed batches each (smoke: 5), the children's thread count, same process. Wall outside training steps = "
            + "1 − aggregate / children's own img/s: the validation passes (4 per window of 5,000 images), the first and last evaluations, "
            + $"the test pass and start-up. Arithmetic limit = the machine's float32 torch.mm rate on every core ({N(M(arms, a => a.PeakGflops))} GFLOP/s, "
            + $"1024 × 1024, median) / {CnnFlopPerImage / 1e6:0.0} MFLOP per training image (forward + backward). Model: {first.ParameterBytes / 1024.0:N0} KiB of parameters per child.");
    }

    /// <summary>Part (f): memory per running child, per silo, and with many more children queued than slots.</summary>
    public static DocumentTable Memory(IReadOnlyList<ArmResult> arms)
    {
        var rows = arms.Select(a => (IReadOnlyList<string>)[
            I(a.Children), I(a.Slots), a.Run.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture), N(a.PeakRssBytes / 1048576.0),
            S(a.RunRssGrowthBytes / 1048576.0), N(a.Run.CheckpointBytes / 1024.0)]).ToList();
        // Running children: the arms whose every child had a slot; the growth of the resident set during their runs,
        // from the fewest to the most children (the peak, set while the data loads, does not see them).
        var running = arms.Where(a => a.Children == a.Slots).OrderBy(a => a.Children).ToArray();
        var perRunning = running.Length >= 2
            ? (running[^1].RunRssGrowthBytes - running[0].RunRssGrowthBytes) / (double)(running[^1].Children - running[0].Children)
            : double.NaN;
        var queued = arms.Where(a => a.Children > a.Slots).ToArray();
        var full = arms.FirstOrDefault(a => a.Children == a.Slots && queued.Any(q => q.Slots == a.Slots));
        var perQueued = queued.Length > 0 && full is not null
            ? (queued[0].RunRssGrowthBytes - full.RunRssGrowthBytes) / (double)(queued[0].Children - full.Children)
            : double.NaN;
        var first = arms[0];
        return new DocumentTable(
            "(f) Memory: per running child, per silo, and children queued for the silo's slots",
            ["MLP children", "slots", "wall s", "peak RSS MiB", "RSS growth during the run MiB", "largest checkpoint KiB"],
            rows,
            $"Per running child (growth of the resident set during the run, from {running.FirstOrDefault()?.Children} to {running.LastOrDefault()?.Children} children on as many slots): "
            + $"{N(perRunning / 1024.0)} KiB; per queued child: {N(perQueued / 1024.0)} KiB (a queued child holds only its job record; the peak RSS, "
            + "set while the data loads, is the same for every arm). "
            + $"Per silo, shared by its children: the data's tensors, {N(first.DataBytes / 1048576.0)} MiB (loaded once), and the process itself "
            + $"(the 1-child run's peak, {N(first.PeakRssBytes / 1048576.0)} MiB: runtime, libtorch, Orleans, the data while it loads). Per child on disk: its window checkpoint "
            + $"(model, Adam's moments, state), largest seen {N(arms.Max(a => a.Run.CheckpointBytes) / 1024.0)} KiB. One MLP child's model is "
            + $"{first.ParameterBytes / 1024.0:N0} KiB of parameters. Tiny MLP runs (train limit 2,048, 1 epoch, window 8), tuning on; every child completed.");
    }

    private static double M(IEnumerable<ArmResult> arms, Func<ArmResult, double> value) => LatencySummary.Median(arms.Select(value));

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
