using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// <c>transfer [--smoke] [--task clean|pairflip] [--design "FLAGS"]</c> (docs/policy-snapshots.md): one long ALA run learns a
/// policy into RUNS/FOLDER/state, then every task of the <see cref="TransferPlan"/> runs the arms of <see cref="TransferArms"/>
/// on fresh seeds; then FOLDER.json. With an evidence plan, a learned policy that helps (<see cref="ShipDecision"/>) is
/// copied to the plan's <see cref="TransferPlan.ShippedPolicy"/> (clean: policies/fashion-mnist-mlp.json; pairflip:
/// policies/fashion-mnist-mlp-pairflip.json).
/// </summary>
internal sealed class TransferSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "transfer";

    /// <inheritdoc />
    public string Usage => "[--smoke] [--task clean|pairflip] [--design \"FLAGS\"] [--jobs N] [--skip-existing]   learn a policy, apply it frozen " +
        "to fresh seeds and other tasks (clean: 5 classes; pairflip: other pairs, a long tail), vs ce and a frozen random policy";

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => ["--jobs", "--task", "--design"];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => ["--smoke", "--skip-existing"];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [[]];

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Has("--smoke");

    /// <summary>Parses the flags and checks --task, --design and --jobs before anything runs.</summary>
    public BenchArguments Parse(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args, ValueFlags, Switches);
        _ = PlanOf(arguments);
        _ = arguments.PositiveInt("--jobs", 1);
        return arguments;
    }

    /// <inheritdoc />
    public async Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken)
    {
        var plan = PlanOf(arguments);
        var folder = Path.Combine(context.RunsDirectory, plan.Folder);
        var state = Path.Combine(folder, TransferPlan.State);
        var jobs = arguments.PositiveInt("--jobs", plan.IsEvidence ? 1 : TransferArms.Names.Count);
        var batch = new RunBatch(new AlaRunner(context.Ala, context.Log), jobs, arguments.Has("--skip-existing"));

        var failed = (await batch.RunAsync(folder, plan.Folder, TransferAnalysis.LearnFlags(plan, state), [TransferAnalysis.LearnArm], cancellationToken)).ToList();
        if (TransferAnalysis.LearnedReference(RunFolder.Read(Path.Combine(folder, TransferPlan.Learn))) is { } learned)
        {
            foreach (var task in plan.Tasks)
            {
                var arms = TransferArms.All(learned, plan.Design);
                TransferAnalysis.ShareSnapshot(state, learned, Path.Combine(folder, task.Name), arms);
                failed.AddRange(await batch.RunAsync(
                    Path.Combine(folder, task.Name), $"{plan.Folder}-{task.Name}", TransferAnalysis.ApplyFlags(plan, task), arms, cancellationToken));
            }
        }
        else
        {
            context.Error.WriteLine($"[bench] {plan.Folder}: the learning run left no learned policy; the tasks are not run");
        }

        return Analyse(context, plan, ship: true) && failed.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// The plan of <c>--task</c> (default clean) and <c>--smoke</c>, with <c>--design</c>; a bad value is a
    /// <see cref="BenchUsageException"/> before anything runs.
    /// </summary>
    public static TransferPlan PlanOf(BenchArguments arguments) =>
        TransferPlans.For(arguments.Value("--task") ?? TransferPlans.Clean, arguments.Has("--smoke"), arguments.Value("--design"));

    /// <summary>
    /// Writes FOLDER.json (transfer.json, transfer-pairflip.json) from RUNS/FOLDER; with <paramref name="ship"/> and a policy that helps, copies its snapshot
    /// to the repository's policies/ folder. False when a run has no results.
    /// </summary>
    public static bool Analyse(BenchContext context, TransferPlan plan, bool ship)
    {
        var report = TransferAnalysis.Analyse(plan, context.RunsDirectory);
        if (ship && report.Ship.Helps == true && report.LearnedPolicy is { } learned)
        {
            var (id, version) = (learned[..learned.IndexOf('@')], learned[(learned.IndexOf('@') + 1)..]);
            var source = Path.Combine(report.RunsDirectory, TransferPlan.State, "policies", id, $"{version}.json");
            var target = Path.Combine(context.Root, plan.ShippedPolicy);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            report = report with { Ship = report.Ship with { ShippedTo = plan.ShippedPolicy } };
            context.Log.WriteLine($"[bench] shipped {learned} to {target}");
        }

        var path = Path.Combine(context.ResultsDirectory, plan.FileName);
        BenchJson.Write(path, report);
        var arms = report.Tasks.SelectMany(t => t.Arms).Append(report.Learn).ToArray();
        context.Log.WriteLine($"[bench] {path}: {arms.Count(a => a.Present)} of {arms.Length} runs");
        foreach (var warning in report.Warnings)
        {
            context.Log.WriteLine($"[bench] warning: {warning}");
        }

        return arms.All(a => a.Present);
    }
}
