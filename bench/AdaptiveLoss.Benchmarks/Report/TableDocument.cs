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
internal sealed record TableDocument(string? Title, string? Description, IReadOnlyList<DocumentTable>? Tables, IReadOnlyList<string>? Notes);

/// <summary>One table of a <see cref="TableDocument"/>.</summary>
/// <param name="Title">Caption (bold line above the table).</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Rows of preformatted cells.</param>
/// <param name="Note">A line under the table.</param>
internal sealed record DocumentTable(string? Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note);
