using System.Text;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>Renders a <see cref="SuiteSection"/> from its <see cref="TableDocument"/>, or a placeholder when it is absent.</summary>
internal static class TableDocumentSection
{
    /// <summary>
    /// The section's markdown between HTML comment markers (so that it is easy to find in the file); its figures are
    /// linked in <paramref name="figuresLink"/> (drawn there by <see cref="Draw"/>).
    /// </summary>
    public static string Render(SuiteSection section, TableDocument? document, string figuresLink = "results")
    {
        var text = new StringBuilder();
        text.Append($"## {section.Heading}\n\n");
        text.Append($"<!-- section {section.FileName}: rendered from the results folder's {section.FileName} by `{section.Command}` -->\n\n");
        if (document is null)
        {
            return text.Append($"Not measured yet: `{section.Command}` writes {section.FileName}, which this section renders.\n\n").ToString();
        }

        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            text.Append($"**{document.Title}**\n\n");
        }

        if (!string.IsNullOrWhiteSpace(document.Description))
        {
            text.Append(document.Description.Trim()).Append("\n\n");
        }

        foreach (var table in document.Tables ?? [])
        {
            if (!string.IsNullOrWhiteSpace(table.Title))
            {
                text.Append($"**{table.Title}**\n\n");
            }

            var markdown = new MarkdownTable([.. table.Columns]);
            foreach (var row in table.Rows)
            {
                markdown.Row([.. row.Take(table.Columns.Count)]);
            }

            text.Append(markdown).Append('\n');
            if (!string.IsNullOrWhiteSpace(table.Note))
            {
                text.Append(table.Note.Trim()).Append("\n\n");
            }
        }

        foreach (var figure in document.Figures ?? [])
        {
            text.Append($"![{figure.Caption}]({figuresLink}/{figure.File})\n\n");
        }

        foreach (var note in document.Notes ?? [])
        {
            text.Append($"- {note}\n");
        }

        return text.Append(document.Notes is { Count: > 0 } ? "\n" : string.Empty).ToString();
    }

    /// <summary>Draws <paramref name="document"/>'s figures into <paramref name="figuresDirectory"/>.</summary>
    public static void Draw(TableDocument? document, string figuresDirectory)
    {
        foreach (var figure in document?.Figures ?? [])
        {
            AdaptiveLoss.Reporting.Plots.ScalingPlot.Write(Path.Combine(figuresDirectory, figure.File),
                [.. figure.Lines.Select(l => new AdaptiveLoss.Reporting.Plots.PlotSeries(l.Label,
                    [.. l.X.Zip(l.Y, (x, y) => new AdaptiveLoss.Reporting.Plots.PlotPoint(x, y))]))],
                figure.Caption, figure.XLabel, figure.YLabel);
        }
    }
}
