using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// <c>analyse --runs DIR [--smoke]</c>: no training. Reads whichever of DIR/{short,long,smoke}/ARM, DIR/abl/VARIANT,
/// DIR/transfer, DIR/transfer-pairflip and DIR/mismatch exist (arms still running or not run are reported as missing) and writes their JSON.
/// It never ships a policy (only <c>./bench.sh transfer</c> does).
/// </summary>
internal sealed class AnalyseSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "analyse";

    /// <inheritdoc />
    public string Usage => "--runs DIR [--smoke] [--design \"FLAGS\"]   no training: the JSON and report from existing run folders (--smoke: DIR/abl, DIR/transfer* and DIR/mismatch are the smoke plans; --design: the transfer runs' credit design)";

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => ["--design"];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => ["--smoke"];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [];

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => false;

    /// <inheritdoc />
    public Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var budgets = EffectBudget.All.Where(b => Directory.Exists(Path.Combine(context.RunsDirectory, b.Name))).ToArray();
        var smoke = arguments.Has("--smoke");
        var plan = smoke ? AblationPlan.Smoke : AblationPlan.Full;
        var ablations = Directory.Exists(Path.Combine(context.RunsDirectory, plan.Folder));
        var transfers = TransferPlans.Names.Select(t => TransferPlans.For(t, smoke, arguments.Value("--design")))
            .Where(p => Directory.Exists(Path.Combine(context.RunsDirectory, p.Folder)))
            .ToArray();
        var mismatch = Directory.Exists(Path.Combine(context.RunsDirectory, MismatchPlan.Folder));
        if (budgets.Length == 0 && !ablations && transfers.Length == 0 && !mismatch)
        {
            throw new BenchUsageException(
                $"--runs {context.RunsDirectory}: no short, long, smoke, {plan.Folder}, {string.Join(", ", TransferPlans.Names.Select(t => TransferPlans.For(t, false, null).Folder))} or {MismatchPlan.Folder} folder in it");
        }

        var complete = true;
        foreach (var budget in budgets)
        {
            complete &= EffectSuite.Analyse(context, budget);
        }

        if (ablations)
        {
            complete &= AblationSuite.Analyse(context, plan, isEvidence: !smoke);
        }

        foreach (var transfer in transfers)
        {
            complete &= TransferSuite.Analyse(context, transfer, ship: false);
        }

        if (mismatch)
        {
            var report = MismatchSuite.Analyse(context, smoke ? MismatchPlan.Smoke : MismatchPlan.Full);
            complete &= report.Tasks.All(t => t.Arms.All(a => a.Present));
        }

        return Task.FromResult(complete ? 0 : 1);
    }
}
