using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// <c>mismatch [--smoke] [--tasks a,b] [--arms x,y]</c>: the tasks of <see cref="MismatchPlan.Full"/> (or the tiny
/// <see cref="MismatchPlan.Smoke"/>) × their arms as <c>ala run</c> processes into RUNS/mismatch/TASK/ARM, task by task,
/// then mismatch.json over every task of the plan (whatever exists: filtered or interrupted runs resume with
/// --skip-existing and the report flags what is still absent).
/// </summary>
internal sealed class MismatchSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "mismatch";

    /// <inheritdoc />
    public string Usage => "[--smoke] [--tasks a,b] [--arms x,y] [--jobs N] [--skip-existing]   long-tail and label-noise tasks: static losses, a static Φ sweep, ALA and its frozen control";

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => ["--tasks", "--arms", "--jobs"];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => ["--smoke", "--skip-existing"];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [[]];

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Has("--smoke");

    /// <summary>Parses the flags and checks the names in --tasks and --arms against the plan before anything runs.</summary>
    public BenchArguments Parse(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args, ValueFlags, Switches);
        var plan = Plan(arguments);
        _ = Names(arguments, "--tasks", plan.Tasks.Select(t => t.Name).ToArray());
        _ = Names(arguments, "--arms", plan.Arms.Select(a => a.Name).ToArray());
        return arguments;
    }

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var plan = Plan(arguments);
        var runs = plan.Runs(
            context.RunsDirectory,
            Names(arguments, "--tasks", plan.Tasks.Select(t => t.Name).ToArray()),
            Names(arguments, "--arms", plan.Arms.Select(a => a.Name).ToArray()));
        var jobs = arguments.PositiveInt("--jobs", plan.IsEvidence ? 1 : plan.Arms.Count);
        var batch = new RunBatch(new AlaRunner(context.Ala, context.Log), jobs, arguments.Has("--skip-existing"));
        plan.WritePhiFiles(context.RunsDirectory);
        var failed = new List<string>();
        foreach (var run in runs)
        {
            failed.AddRange(await batch.RunAsync(run.Folder, run.Prefix, run.SharedFlags, run.Arms, cancellationToken));
        }

        var report = Analyse(context, plan);
        // Only the selected runs decide the exit code: a filtered run is not a failure of the tasks it left out.
        var selected = runs.SelectMany(r => r.Arms.Select(a => (r.Task.Name, a.Name))).ToHashSet();
        var missing = report.Tasks.SelectMany(t => t.Arms.Where(a => !a.Present && a.Arm == a.Source && selected.Contains((t.Task, a.Arm))));
        return failed.Count == 0 && !missing.Any() ? 0 : 1;
    }

    /// <summary>Writes mismatch.json from RUNS/mismatch; returns the report.</summary>
    public static MismatchReport Analyse(BenchContext context, MismatchPlan plan)
    {
        var report = MismatchAnalysis.Analyse(plan, context.RunsDirectory, context.Figures, context.FiguresDirectory);
        var path = Path.Combine(context.ResultsDirectory, MismatchReport.FileName);
        BenchJson.Write(path, report);
        var runs = report.Tasks.SelectMany(t => t.Arms).Where(a => a.Arm == a.Source).ToArray();
        context.Log.WriteLine($"[bench] {path}: {runs.Count(a => a.Present)} of {runs.Length} runs");
        foreach (var warning in report.Warnings)
        {
            context.Log.WriteLine($"[bench] warning: {warning}");
        }

        return report;
    }

    private static MismatchPlan Plan(BenchArguments arguments) => arguments.Has("--smoke") ? MismatchPlan.Smoke : MismatchPlan.Full;

    // The comma-separated names of a filter flag (null when absent); a name the plan does not have is a usage error.
    private static string[]? Names(BenchArguments arguments, string flag, IReadOnlyList<string> known)
    {
        if (arguments.Value(flag) is not { } text)
        {
            return null;
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !known.Contains(n)).ToArray();
        return unknown.Length > 0 || names.Length == 0
            ? throw new BenchUsageException($"{flag}: unknown {string.Join(", ", unknown.DefaultIfEmpty("(empty)"))} (one of: {string.Join(", ", known)})")
            : names;
    }
}
