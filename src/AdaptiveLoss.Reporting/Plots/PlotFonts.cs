using ScottPlot;
using SkiaSharp;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>
/// Text in every plot uses DejaVu Sans embedded in this assembly: a bare machine (CI, a container) may have no system
/// font at all, and Skia then draws no glyphs. The resolver is registered with ScottPlot once per process.
/// </summary>
internal static class PlotFonts
{
    /// <summary>The family name plots ask for.</summary>
    public const string Family = "DejaVu Sans (embedded)";

    private const string Resource = "AdaptiveLoss.Reporting.DejaVuSans.ttf";
    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Registers the embedded font with ScottPlot (idempotent, thread-safe).</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>A new typeface of the embedded font (Skia copies the bytes it needs).</summary>
    public static SKTypeface CreateTypeface()
    {
        using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded font {Resource} is missing from the assembly");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"embedded font {Resource} cannot be read");
    }

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        return true;
    }

    // Bold and italic requests get the regular face: one file keeps the assembly small, and Skia emboldens on its own.
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? PlotFonts.CreateTypeface() : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? PlotFonts.CreateTypeface() : null;
    }
}
