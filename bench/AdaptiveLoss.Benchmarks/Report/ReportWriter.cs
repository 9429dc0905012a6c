namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>Regenerates the markdown report from the results folder's JSON.</summary>
internal static class ReportWriter
{
    /// <summary>Renders <paramref name="resultsDirectory"/>'s JSON into <paramref name="markdownPath"/>; figures live in <paramref name="figuresDirectory"/>.</summary>
    public static void Write(string resultsDirectory, string markdownPath, string figuresDirectory)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
        Directory.CreateDirectory(folder);
        var inputs = ReportInputs.Load(resultsDirectory);
        foreach (var (_, document) in inputs.Sections)
        {
            TableDocumentSection.Draw(document, figuresDirectory);
        }

        var markdown = ResultsMarkdown.Render(
            inputs,
            Link(folder, figuresDirectory),
            Link(folder, resultsDirectory));
        var temporary = markdownPath + ".tmp";
        File.WriteAllText(temporary, markdown);
        File.Move(temporary, markdownPath, overwrite: true);
    }

    // Relative, with forward slashes, as markdown links need.
    private static string Link(string from, string to) => Path.GetRelativePath(from, Path.GetFullPath(to)).Replace('\\', '/');
}
