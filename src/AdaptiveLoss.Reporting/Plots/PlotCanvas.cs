using AdaptiveLoss.Core.IO;
using ScottPlot;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>The shared look of every plot: embedded font, labels, a note when there is nothing to draw, PNG output.</summary>
internal static class PlotCanvas
{
    /// <summary>A new plot with the title and axis labels set.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A centred note in place of data, so an empty plot says why it is empty.</summary>
    public static void AddNote(Plot plot, string note)
    {
        var text = plot.Add.Text(note, 0.5, 0.5);
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontSize = 16;
        text.LabelFontName = PlotFonts.Family;
        plot.Axes.SetLimits(0, 1, 0, 1);
    }

    /// <summary>A text label in data coordinates, in the embedded font.</summary>
    public static void AddLabel(Plot plot, string label, double x, double y, float size, Color color)
    {
        var text = plot.Add.Text(label, x, y);
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontSize = size;
        text.LabelFontColor = color;
        text.LabelFontName = PlotFonts.Family;
    }

    /// <summary>
    /// Applies the embedded font everywhere, writes the PNG (creating its folder) and returns its full path. The PNG is
    /// drawn into a temporary file in the same folder and renamed over the target (docs/durability.md, "Durable
    /// writes"): a reader, or a run killed mid-draw, never leaves half a picture under the plot's name.
    /// </summary>
    public static string Save(Plot plot, string path, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        plot.Font.Set(PlotFonts.Family);
        plot.Legend.FontName = PlotFonts.Family;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp.png");
        try
        {
            plot.SavePng(temporary, width, height);
            AtomicFile.Publish(temporary, fullPath, durable: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        return fullPath;
    }
}
