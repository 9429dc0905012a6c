using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks;

/// <summary>Where a suite reads and writes, and how it starts the CLI.</summary>
/// <param name="Root">The repository root (the folder of AdaptiveLossOrleans.sln).</param>
/// <param name="ResultsDirectory">Machine-readable output (bench/results, or --out).</param>
/// <param name="MarkdownPath">The report (docs/results.md; DIR/results.md with --out DIR; or --docs).</param>
/// <param name="FiguresDirectory">PNGs, next to the report: docs/results/ for docs/results.md.</param>
/// <param name="RunsDirectory">Root of the run folders (bench/runs, or --runs).</param>
/// <param name="Ala">How to start <c>ala</c>.</param>
/// <param name="Figures">The plot writer.</param>
/// <param name="Log">Progress lines.</param>
/// <param name="Error">Error lines.</param>
internal sealed record BenchContext(
    string Root,
    string ResultsDirectory,
    string MarkdownPath,
    string FiguresDirectory,
    string RunsDirectory,
    AlaCommand Ala,
    IFigureRenderer Figures,
    TextWriter Log,
    TextWriter Error)
{
    /// <summary>
    /// The context for <paramref name="arguments"/>. A smoke suite defaults to bench/smoke (its JSON, report and
    /// runs) so that it never overwrites the real results or docs/results.md.
    /// </summary>
    public static BenchContext From(BenchArguments arguments, bool smoke, IFigureRenderer figures, TextWriter log, TextWriter error)
    {
        var root = FindRoot();
        var defaultResults = Path.Combine(root, "bench", smoke ? "smoke" : "results");
        var results = Path.GetFullPath(arguments.Value("--out") ?? defaultResults);
        var markdown = Path.GetFullPath(arguments.Value("--docs")
            ?? (results == Path.Combine(root, "bench", "results") ? Path.Combine(root, "docs", "results.md") : Path.Combine(results, "results.md")));
        var figuresDirectory = Path.Combine(Path.GetDirectoryName(markdown)!, Path.GetFileNameWithoutExtension(markdown));
        var runs = Path.GetFullPath(arguments.Value("--runs") ?? Path.Combine(root, "bench", smoke ? "smoke/runs" : "runs"));
        var ala = AlaCommand.From(arguments.Value("--ala") ?? Path.Combine(root, "ala"));
        return new BenchContext(root, results, markdown, figuresDirectory, runs, ala, figures, log, error);
    }

    // The working folder or the nearest folder above it with the solution (./bench.sh starts in the root).
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdaptiveLossOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
