using System.Globalization;

namespace AdaptiveLoss.Cli.Output;

/// <summary>Invariant number formats shared by the progress lines and tables.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A fraction as a percentage: 0.1234 → "12.34%".</summary>
    public static string Percent(double fraction) => double.IsFinite(fraction) ? (fraction * 100).ToString("0.00", Invariant) + "%" : "n/a";

    /// <summary>A signed number: "+0.52", "-1.00", "0.00".</summary>
    public static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", Invariant);

    /// <summary>A fixed-point number with <paramref name="decimals"/> decimals.</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, Invariant);

    /// <summary>A whole number with thousands separators: "4,812".</summary>
    public static string Whole(double value) => value.ToString("N0", Invariant);

    /// <summary>The child's index from its key "{experimentId}/{index}" (the key itself when it has no '/').</summary>
    public static string ChildLabel(string childId) => childId[(childId.LastIndexOf('/') + 1)..];
}
