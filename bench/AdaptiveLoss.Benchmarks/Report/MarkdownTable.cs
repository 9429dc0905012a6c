using System.Text;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>A GitHub-flavoured markdown table; cells have their pipes escaped.</summary>
internal sealed class MarkdownTable(params string[] columns)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells are empty, extra cells are an error.</summary>
    public MarkdownTable Row(params string[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cells.Length, columns.Length);
        _rows.Add([.. cells, .. Enumerable.Repeat(string.Empty, columns.Length - cells.Length)]);
        return this;
    }

    /// <summary>The table, ending with a newline.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Line(text, columns);
        Line(text, columns.Select(_ => "---"));
        foreach (var row in _rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|").Replace("\n", " "))).Append(" |\n");
}
