namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>
/// The presentation part of a suite's JSON that the report renders without knowing the suite (costs.json,
/// peer.json): a title, an optional description, tables of preformatted cells and notes. A suite's JSON may carry
/// any other machine-readable properties next to these; the report reads only these.
/// </summary>
/// <param name="Title">Section title.</param>
/// <param name="Description">A paragraph under the title.</param>
/// <param name="Tables">The tables.</param>
/// <param name="Notes">Bullet points after the tables.</param>
/// <param name="Figures">Figures drawn from the JSON when the report is written, shown after the tables.</param>
internal sealed record TableDocument(string? Title, string? Description, IReadOnlyList<DocumentTable>? Tables, IReadOnlyList<string>? Notes,
    IReadOnlyList<DocumentFigure>? Figures = null);

/// <summary>A log–log line figure of a <see cref="TableDocument"/> (Reporting's ScalingPlot): how a cost grows with a size.</summary>
/// <param name="File">PNG file name in the report's figures folder.</param>
/// <param name="Caption">Title and alt text.</param>
/// <param name="XLabel">Horizontal axis.</param>
/// <param name="YLabel">Vertical axis.</param>
/// <param name="Lines">One line per series.</param>
internal sealed record DocumentFigure(string File, string Caption, string XLabel, string YLabel, IReadOnlyList<FigureLine> Lines);

/// <summary>One line of a <see cref="DocumentFigure"/>: its legend and its points.</summary>
internal sealed record FigureLine(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>One table of a <see cref="TableDocument"/>.</summary>
/// <param name="Title">Caption (bold line above the table).</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Rows of preformatted cells.</param>
/// <param name="Note">A line under the table.</param>
internal sealed record DocumentTable(string? Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note);
