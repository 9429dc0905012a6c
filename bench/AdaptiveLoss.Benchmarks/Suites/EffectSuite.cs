using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// <c>effect --budget short|long|smoke</c> (docs/evidence.md): the four arms of <see cref="EffectArms"/> as <c>ala run</c>
/// processes with the same budget and seeds into RUNS/BUDGET/ARM, then effect-BUDGET.json.
/// </summary>
internal sealed class EffectSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "effect";

    /// <inheritdoc />
    public string Usage => "--budget short|long|smoke [--jobs N] [--skip-existing]   the four arms (ce, ala, frozen, paper), then the analysis";

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => ["--budget", "--jobs"];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => ["--skip-existing"];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [["--budget", "short"], ["--budget", "long"]];

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Value("--budget") == EffectBudget.Smoke.Name;

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var budget = Budget(arguments);
        var jobs = arguments.PositiveInt("--jobs", budget.IsEvidence ? 1 : EffectArms.All.Count);
        var batch = new RunBatch(new AlaRunner(context.Ala, context.Log), jobs, arguments.Has("--skip-existing"));
        var failed = await batch.RunAsync(Path.Combine(context.RunsDirectory, budget.Name), budget.Name, budget.Flags, EffectArms.All, cancellationToken);
        return Analyse(context, budget) && failed.Count == 0 ? 0 : 1;
    }

    /// <summary>Writes effect-BUDGET.json from RUNS/BUDGET; false when an arm has no results.</summary>
    public static bool Analyse(BenchContext context, EffectBudget budget)
    {
        var report = EffectAnalysis.Analyse(budget, context.RunsDirectory, context.Figures, context.FiguresDirectory);
        var path = Path.Combine(context.ResultsDirectory, EffectReport.FileName(budget.Name));
        BenchJson.Write(path, report);
        context.Log.WriteLine($"[bench] {path}: {report.Arms.Count(a => a.Present)} of {report.Arms.Count} arms");
        foreach (var warning in report.Warnings)
        {
            context.Log.WriteLine($"[bench] warning: {warning}");
        }

        return report.Arms.All(a => a.Present);
    }

    private static EffectBudget Budget(BenchArguments arguments)
    {
        var name = arguments.Value("--budget") ?? throw new BenchUsageException("effect needs --budget short|long|smoke");
        return EffectBudget.Find(name) ?? throw new BenchUsageException($"--budget must be short, long or smoke, got '{name}'");
    }
}
