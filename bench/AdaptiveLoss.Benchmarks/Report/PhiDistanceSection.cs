using System.Globalization;
using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>A mismatch task's distance of the learned Φ from the best static Φ in docs/results.md (docs/mismatch.md).</summary>
internal static class PhiDistanceSection
{
    /// <summary>The table of <paramref name="report"/>, or a line saying why there is none.</summary>
    public static string Render(PhiDistanceReport? report)
    {
        if (report is null)
        {
            return "Distance from the best static Φ: no static Φ arm has results.\n\n";
        }

        var text = $"Distance of Φ from the best static Φ* = **{report.BestStaticPhi}** (chosen on validation): d = ‖Φ − Φ*‖_F over the " +
            $"off-diagonal entries, per child, then mean ± SD over the children; ‖I − Φ*‖ = {Plain(report.IdentityDistance)} (where Φ_0 = I " +
            "starts). d_start is d of the first window's Φ (after its actions), d_end of the final Φ; the run mean averages d over every window.\n\n";
        var table = new MarkdownTable("arm", "children", "d_start", "d_end", "d over the run (mean)", "per-window Φ");
        foreach (var arm in report.Arms)
        {
            table.Row(arm.Arm, arm.Children.Count.ToString(CultureInfo.InvariantCulture), MeanStd(arm.Start), MeanStd(arm.End),
                MeanStd(arm.RunMean), arm.Trajectories ? "history.json" : "none (d_end from results.json's final Φ)");
        }

        foreach (var pair in report.Learning)
        {
            table.Row($"{pair.Arm} − {pair.Control} (paired)", string.Empty, string.Empty, Difference(pair.End), Difference(pair.RunMean), string.Empty);
        }

        var fallback = report.Arms.Any(a => !a.Trajectories)
            ? "Runs whose history.json has no per-window Φ (written before it was recorded) give d_end only.\n\n"
            : string.Empty;
        return text + table + "\n" + fallback;
    }

    private static string Plain(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? Numbers.Missing;

    private static string MeanStd(Summary summary) =>
        summary.Mean is null ? Numbers.Missing : $"{Plain(summary.Mean)} ± {Plain(summary.Std)}";

    // "+0.012 [-0.030, +0.054] (n = 8)": distances need three decimals, not the two of percentage points.
    private static string Difference(PairedDifference? difference)
    {
        if (difference?.Summary.Mean is not { } mean)
        {
            return Numbers.Missing;
        }

        static string Signed(double v) => v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
        var interval = difference.Interval is { } ci ? $"[{Signed(ci.Low)}, {Signed(ci.High)}]" : "[no interval]";
        return $"{Signed(mean)} {interval} (n = {difference.Summary.N})";
    }
}
