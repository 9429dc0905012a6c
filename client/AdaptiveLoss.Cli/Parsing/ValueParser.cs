using System.Globalization;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.ServiceDefaults;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>Strict parsing of flag values; every failure is a one-line message naming the flag and the value.</summary>
internal static class ValueParser
{
    public static int Int(string flag, string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{flag} expects a whole number (got '{text}')");

    public static double Double(string flag, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{flag} expects a number (got '{text}')");

    public static T Choice<T>(string flag, string text)
        where T : struct, Enum =>
        CliNames.TryParse<T>(text, out var value)
            ? value
            : throw new UsageException($"{flag} must be one of {string.Join(", ", CliNames.Table<T>().Select(p => p.Name))} (got '{text}')");

    public static string OneOf(string flag, string text, params string[] allowed) =>
        allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new UsageException($"{flag} must be one of {string.Join(", ", allowed)} (got '{text}')");

    public static Output.ProgressMode ProgressMode(string flag, string text) => OneOf(flag, text, "auto", "bars", "lines") switch
    {
        "bars" => Output.ProgressMode.Bars,
        "lines" => Output.ProgressMode.Lines,
        _ => Output.ProgressMode.Auto,
    };

    /// <summary>An experiment or policy id: it names grains ("{id}/{i}") and a folder, so no '/' or spaces.</summary>
    public static string Id(string flag, string text) =>
        AdaptiveLoss.Core.Policy.Snapshots.PolicyReference.IsValidId(text)
            ? text
            : throw new UsageException($"{flag} must be 1-100 letters, digits, '-', '_' or '.' (got '{text}')");

    public static TelemetryExporter Telemetry(string flag, string text)
    {
        try
        {
            return TelemetryExporters.Parse(flag, text);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    public static string Path(string flag, string text) =>
        text.Length > 0 ? System.IO.Path.GetFullPath(text) : throw new UsageException($"{flag} needs a non-empty path");

    public static string NonEmpty(string flag, string text) =>
        text.Length > 0 ? text : throw new UsageException($"{flag} needs a non-empty value");

    /// <summary>A <c>--label-noise</c> spec; pairs are checked against the class count later, with the other options.</summary>
    public static Core.Data.LabelNoise LabelNoise(string flag, string text)
    {
        try
        {
            return Core.Data.LabelNoise.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{flag}: {ex.Message} (got '{text}')");
        }
    }

    /// <summary>Most bytes a <c>--phi</c> file may have: a 10×10 Φ is well under 4 KiB, a CIFAR-100 one under 200 KiB.</summary>
    public const int MaxPhiFileBytes = 1 << 20;

    /// <summary>The rows of a <c>--phi</c> file: a regular file of at most <see cref="MaxPhiFileBytes"/>, parsed as JSON.</summary>
    public static double[][] PhiFile(string flag, string path)
    {
        var full = Path(flag, path);
        if (!File.Exists(full))
        {
            throw new UsageException($"{flag} '{full}': no such file");
        }

        try
        {
            return Core.Control.PhiMatrix.Parse(BoundedFile.ReadAllText(full, MaxPhiFileBytes));
        }
        catch (BoundedFileException ex)
        {
            throw new UsageException($"{flag} '{full}' {ex.Problem}");
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            throw new UsageException($"{flag} '{full}': {ex.Message}");
        }
    }

    public static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
