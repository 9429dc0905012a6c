using AdaptiveLoss.Reporting.Plots;
using ScottPlot;
using SkiaSharp;

namespace AdaptiveLoss.Reporting.Tests;

/// <summary>What the pictures show: the heatmap's orientation and colours, and that text is drawn without system fonts.</summary>
public sealed class PlotRenderingTests
{
    [Fact]
    public void PhiHeatmap_OnlyRow0Column1Positive_EachCellWholeAndInItsPlace()
    {
        // Not symmetric on purpose, to pin which of (0,1) and (1,0) is where: row i is drawn at y = C − 1 − i, and
        // every cell spans exactly one unit around its centre (sampled near its four corners).
        double[] phi = [1, 0.1, 0, 0, 1, 0, 0, 0, 1];
        using var plot = PlotCanvas.Create("Φ", "class j", "class i");
        PhiHeatmap.Draw(plot, phi, 3);
        using var bitmap = Render(plot, 500, 500);

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                foreach (var (dx, dy) in new[] { (-0.4, -0.4), (-0.4, 0.4), (0.4, -0.4), (0.4, 0.4) })
                {
                    var colour = ColourAt(plot, bitmap, j + dx, 2 - i + dy);
                    var red = colour.Red > colour.Blue + 30;
                    var white = colour is { Red: > 200, Green: > 200, Blue: > 200 };
                    Assert.True(phi[(i * 3) + j] > 0.05 ? red : white, $"Φ[{i},{j}] = {phi[(i * 3) + j]} drawn as {colour} near ({dx}, {dy})");
                }
            }
        }
    }

    [Fact]
    public void PhiHeatmap_NegativeEntry_BlueCell()
    {
        using var plot = PlotCanvas.Create("Φ", "class j", "class i");
        PhiHeatmap.Draw(plot, [1, -0.05, -0.05, 1], 2);
        using var bitmap = Render(plot, 400, 400);

        var cell = ColourAt(plot, bitmap, 1 - 0.33, 1 + 0.33);

        Assert.True(cell.Blue > cell.Red + 30, $"Φ[0,1] = −0.05 (the range's bottom) should be blue, is {cell}");
    }

    [Fact]
    public void EmbeddedFont_Typeface_DejaVuSansWithGreekGlyphs()
    {
        using var typeface = PlotFonts.CreateTypeface();
        using var font = new SKFont(typeface);

        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.DoesNotContain((ushort)0, font.GetGlyphs("Φβ−"));
    }

    [Fact]
    public void Note_Text_DrawsGlyphs()
    {
        // Without a usable font Skia draws no glyphs at all and both images would be equal.
        using var empty = PlotCanvas.Create(string.Empty, string.Empty, string.Empty);
        PlotCanvas.AddNote(empty, string.Empty);
        using var noted = PlotCanvas.Create(string.Empty, string.Empty, string.Empty);
        PlotCanvas.AddNote(noted, "no rewards in this run");

        using var without = Render(empty, 400, 300);
        using var with = Render(noted, 400, 300);

        Assert.True(Png.Inked(with) > Png.Inked(without) + 200, $"{Png.Inked(with)} vs {Png.Inked(without)} inked pixels");
    }

    private static SKBitmap Render(Plot plot, int width, int height)
    {
        plot.Font.Set(PlotFonts.Family);
        return SKBitmap.Decode(plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    // The colour at plot coordinates (x, y); callers keep clear of the value printed in a cell's middle.
    private static SKColor ColourAt(Plot plot, SKBitmap bitmap, double x, double y)
    {
        var pixel = plot.GetPixel(new Coordinates(x, y));
        return bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
    }
}
