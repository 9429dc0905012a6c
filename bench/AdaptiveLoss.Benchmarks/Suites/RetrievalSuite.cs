using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// <c>retrieval [--smoke] [--skip-existing]</c>: the three arms of <see cref="RetrievalPlan"/> as <c>ala run</c> processes
/// into RUNS/retrieval/ARM, one at a time (the smoke plan side by side), then retrieval.json: Recall@1 and NMI per arm,
/// the paired differences with 95 % t-intervals, and the final bin weights (docs/retrieval.md).
/// </summary>
internal sealed class RetrievalSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "retrieval";

    /// <inheritdoc />
    public string Usage => "[--smoke] [--skip-existing]   metric learning: margin loss vs ALA vs its frozen policy on a class-disjoint split";

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => [];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => ["--smoke", "--skip-existing"];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [[]];

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Has("--smoke");

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var plan = arguments.Has("--smoke") ? RetrievalPlan.Smoke : RetrievalPlan.Full;
        var batch = new RunBatch(new AlaRunner(context.Ala, context.Log), plan.IsEvidence ? 1 : RetrievalPlan.Arms.Count, arguments.Has("--skip-existing"));
        var failed = await batch.RunAsync(RetrievalPlan.RunsFolder(context.RunsDirectory), RetrievalPlan.Folder, plan.Flags, RetrievalPlan.Arms, cancellationToken);
        var report = RetrievalAnalysis.Analyse(plan, context.RunsDirectory);
        var path = Path.Combine(context.ResultsDirectory, RetrievalReport.FileName);
        BenchJson.Write(path, report);
        context.Log.WriteLine($"[bench] {path}: {report.Arms.Count(a => a.Present)} of {report.Arms.Count} arms");
        foreach (var warning in report.Warnings)
        {
            context.Log.WriteLine($"[bench] warning: {warning}");
        }

        return failed.Count == 0 && report.Arms.All(a => a.Present) ? 0 : 1;
    }
}
