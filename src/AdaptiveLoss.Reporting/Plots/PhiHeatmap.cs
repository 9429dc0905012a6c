using System.Globalization;
using ScottPlot;

namespace AdaptiveLoss.Reporting.Plots;

/// <summary>
/// Φ as a C×C heatmap (docs/design.md §1.2): a diverging colormap centred at 0 and scaled to the largest |off-diagonal| entry,
/// so the small moves the controller makes are visible; the diagonal (1) is drawn too and saturates. Row i is the true
/// class, column j the other class of the pair; row 0 is at the top, as in a matrix.
/// </summary>
internal static class PhiHeatmap
{
    // Above this many classes the per-cell values would overlap; the colorbar still reads the colours.
    private const int MaxAnnotatedClasses = 12;

    // An identity Φ has no off-diagonal scale: keep a small range so the colours stay centred at 0.
    private const double MinimumRange = 1e-3;

    public static void Draw(Plot plot, double[] phi, int classes)
    {
        var cells = new double[classes, classes];
        var range = MinimumRange;
        for (var i = 0; i < classes; i++)
        {
            for (var j = 0; j < classes; j++)
            {
                cells[i, j] = phi[(i * classes) + j];
                range = i == j ? range : Math.Max(range, Math.Abs(cells[i, j]));
            }
        }

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Balance();
        heatmap.ManualRange = new ScottPlot.Range(-range, range);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = string.Create(CultureInfo.InvariantCulture, $"Φ (colour clipped to ±{range:0.###})");

        var positions = Enumerable.Range(0, classes).Select(i => (double)i).ToArray();
        var labels = Enumerable.Range(0, classes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions.Select(p => classes - 1 - p).ToArray(), labels);
        plot.Axes.SetLimits(-0.5, classes - 0.5, -0.5, classes - 0.5);

        if (classes <= MaxAnnotatedClasses)
        {
            Annotate(plot, cells, range);
        }
    }

    private static void Annotate(Plot plot, double[,] cells, double range)
    {
        var classes = cells.GetLength(0);
        for (var i = 0; i < classes; i++)
        {
            for (var j = 0; j < classes; j++)
            {
                // Light text on the saturated ends of the colormap, dark text near 0.
                var color = Math.Abs(cells[i, j]) > 0.6 * range ? Colors.White : Colors.Black;
                var text = cells[i, j].ToString(i == j ? "0.00" : "+0.00;−0.00;0", CultureInfo.InvariantCulture);
                PlotCanvas.AddLabel(plot, text, j, classes - 1 - i, 10, color);
            }
        }
    }
}
