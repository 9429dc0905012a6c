using System.Globalization;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>How numbers appear in docs/results.md (invariant culture; "—" for a missing value).</summary>
internal static class Numbers
{
    /// <summary>Shown for a missing value.</summary>
    public const string Missing = "—";

    /// <summary>A percentage or difference with two decimals.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A signed difference with two decimals (+0.12, -0.34).</summary>
    public static string Signed(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A ratio with three decimals.</summary>
    public static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A share as a whole percentage.</summary>
    public static string Share(double? value) => value is { } v ? (v * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : Missing;

    /// <summary>Any number with up to <paramref name="decimals"/> decimals.</summary>
    public static string Plain(double? value, int decimals = 3) =>
        value is { } v ? v.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) : Missing;

    /// <summary>"mean ± std" with two decimals (std "—" for a single value).</summary>
    public static string MeanStd(Summary summary) =>
        summary.Mean is null ? Missing : $"{Percent(summary.Mean)} ± {Percent(summary.Std)}";

    /// <summary>"+0.12 [-0.30, +0.54] (n = 8)" for a paired difference; the interval is "—" below two pairs.</summary>
    public static string Difference(PairedDifference? difference)
    {
        if (difference?.Summary.Mean is not { } mean)
        {
            return Missing;
        }

        var interval = difference.Interval is { } ci ? $"[{Signed(ci.Low)}, {Signed(ci.High)}]" : "[no interval]";
        return $"{Signed(mean)} {interval} (n = {difference.Summary.N})";
    }
}
