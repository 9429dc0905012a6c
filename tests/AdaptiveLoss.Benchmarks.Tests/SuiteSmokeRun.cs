using System.Text.Json;
using AdaptiveLoss.Benchmarks.Figures;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// One smoke run of a suite through the dispatcher (as <c>./bench.sh NAME --smoke</c> runs it), into a temporary
/// results folder: its exit code, log, JSON and regenerated report, shared by the facts of a test class.
/// </summary>
internal sealed class SuiteSmokeRun : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();

    private SuiteSmokeRun()
    {
    }

    public int ExitCode { get; private set; }

    public string Log { get; private set; } = string.Empty;

    public JsonDocument? Json { get; private set; }

    public string Markdown { get; private set; } = string.Empty;

    /// <summary>Where the report's figures are drawn: beside results.md, in a folder of its name.</summary>
    public string FiguresDirectory { get; private set; } = string.Empty;

    /// <summary>The JSON's root; fails with the run's log when the suite wrote none.</summary>
    public JsonElement Root => Json?.RootElement ?? throw new Xunit.Sdk.XunitException($"no JSON written (exit {ExitCode})\n{Log}");

    /// <summary>Runs <paramref name="suite"/> with <paramref name="args"/> (after the name) and reads <paramref name="fileName"/>.</summary>
    public static async Task<SuiteSmokeRun> StartAsync(IBenchSuite suite, string fileName, params string[] args)
    {
        var run = new SuiteSmokeRun();
        var (log, error) = (new StringWriter(), new StringWriter());
        using var limit = new CancellationTokenSource(Limit);
        var results = run._temp.Combine("out");
        run.ExitCode = await BenchApp.RunAsync([suite.Name, .. args, "--out", results], [suite], new NoFigureRenderer(), log, error, limit.Token);
        run.Log = $"{log}\n{error}";
        var json = Path.Combine(results, fileName);
        run.Json = File.Exists(json) ? JsonDocument.Parse(File.ReadAllText(json)) : null;
        var markdown = Path.Combine(results, "results.md");
        run.Markdown = File.Exists(markdown) ? File.ReadAllText(markdown) : string.Empty;
        run.FiguresDirectory = Path.Combine(results, "results");
        return run;
    }

    public void Dispose()
    {
        Json?.Dispose();
        _temp.Dispose();
    }
}
