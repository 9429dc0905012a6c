using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// <c>ablations [--smoke]</c> (docs/evidence.md): every variant of <see cref="AblationPlan.Full"/> (or the tiny
/// <see cref="AblationPlan.Smoke"/>) into RUNS/abl/VARIANT, then ablations.json.
/// </summary>
internal sealed class AblationSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "ablations";

    /// <inheritdoc />
    public string Usage => "[--smoke] [--jobs N] [--skip-existing]   window, β, φ_max, reward, baseline and population variants vs cross-entropy";

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => ["--jobs"];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => ["--smoke", "--skip-existing"];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [[]];

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Has("--smoke");

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var smoke = IsSmoke(arguments);
        var plan = smoke ? AblationPlan.Smoke : AblationPlan.Full;
        var jobs = arguments.PositiveInt("--jobs", smoke ? plan.Variants.Count : 1);
        var batch = new RunBatch(new AlaRunner(context.Ala, context.Log), jobs, arguments.Has("--skip-existing"));
        var failed = await batch.RunAsync(Path.Combine(context.RunsDirectory, plan.Folder), plan.Folder, plan.Flags, plan.Variants, cancellationToken);
        return Analyse(context, plan, isEvidence: !smoke) && failed.Count == 0 ? 0 : 1;
    }

    /// <summary>Writes ablations.json from RUNS/abl; false when a variant has no results.</summary>
    public static bool Analyse(BenchContext context, AblationPlan plan, bool isEvidence)
    {
        var report = AblationAnalysis.Analyse(plan, context.RunsDirectory, isEvidence);
        var path = Path.Combine(context.ResultsDirectory, AblationReport.FileName);
        BenchJson.Write(path, report);
        context.Log.WriteLine($"[bench] {path}: {report.Variants.Count(v => v.Present)} of {report.Variants.Count} variants");
        foreach (var warning in report.Warnings)
        {
            context.Log.WriteLine($"[bench] warning: {warning}");
        }

        return report.Variants.All(v => v.Present);
    }
}
