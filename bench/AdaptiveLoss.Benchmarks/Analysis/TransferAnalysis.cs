using System.Globalization;
using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>Analyses RUNS/FOLDER/{learn, TASK/ARM} of one transfer plan (docs/policy-snapshots.md).</summary>
internal static class TransferAnalysis
{
    /// <summary>The learning run as an arm of the tables.</summary>
    public static Arm LearnArm { get; } = new(TransferPlan.Learn, [], "ALA, learning policy (the policy that is transferred)");

    /// <summary>The report of <paramref name="plan"/> from the run folders under <paramref name="runsRoot"/>.</summary>
    public static TransferReport Analyse(TransferPlan plan, string runsRoot)
    {
        var folder = Path.GetFullPath(Path.Combine(runsRoot, plan.Folder));
        var state = Path.Combine(folder, TransferPlan.State);
        var learnRun = RunFolder.Read(Path.Combine(folder, TransferPlan.Learn));
        var learnFlags = LearnFlags(plan, state);
        var learn = ArmAnalysis.Build(LearnArm, learnRun, null, Defined(learnFlags, LearnArm, plan.Folder, learnRun.Directory));
        var learned = LearnedReference(learnRun);
        var warnings = EffectAnalysis.Warnings(plan.Folder, learnFlags, [LearnArm], new Dictionary<string, RunFolder> { [LearnArm.Name] = learnRun }).ToList();
        var arms = TransferArms.All(learned ?? $"{plan.LearnedPolicyId}@?", plan.Design);
        var machines = new List<RunFolder> { learnRun };
        var tasks = new List<TransferTaskReport>();
        foreach (var task in plan.Tasks)
        {
            var taskFolder = Path.Combine(folder, task.Name);
            var runs = arms.ToDictionary(a => a.Name, a => Headline(RunFolder.Read(Path.Combine(taskFolder, a.Name)), task.Headline));
            machines.AddRange(runs.Values);
            var flags = ApplyFlags(plan, task);
            var ce = runs[TransferArms.CrossEntropy].Results;
            var reports = arms
                .Select(a => ArmAnalysis.Build(a, runs[a.Name], a.Name == TransferArms.CrossEntropy ? null : ce, Defined(flags, a, $"{plan.Folder}-{task.Name}", runs[a.Name].Directory)))
                .ToArray();
            tasks.Add(new TransferTaskReport(
                task.Name, task.Description, task.Flags.Count == 0 ? "(none)" : string.Join(' ', task.Flags), reports,
                Versus(runs, TransferArms.Learned, TransferArms.Random), Versus(runs, TransferArms.Continued, TransferArms.Random), task.Headline));
            warnings.AddRange(EffectAnalysis.Warnings($"{plan.Folder}/{task.Name}", flags, arms, runs));
        }

        return new TransferReport(
            TransferReport.KindName, plan.Name, plan.Task, plan.Design.Count == 0 ? null : string.Join(' ', plan.Design), plan.Description, plan.IsEvidence, EffectReport.UnitsText, folder, DateTimeOffset.UtcNow,
            learned, learn, tasks, Decide(plan, tasks.FirstOrDefault()),
            machines.Select(r => r.Record?.Machine).OfType<MachineInfo>().Distinct().ToArray(), MachineInfo.Current(), warnings);
    }

    /// <summary>ID@VERSION of the learning run's final snapshot (its policy's version at the end), or null without results.</summary>
    public static string? LearnedReference(RunFolder learn) =>
        learn.Results?.Policy is { Version: > 0 } policy ? $"{policy.PolicyId}@{policy.Version.ToString(CultureInfo.InvariantCulture)}" : null;

    /// <summary>The learning run's flags: the plan's, its credit design and the shared state folder.</summary>
    public static IReadOnlyList<string> LearnFlags(TransferPlan plan, string state) => [.. plan.LearnFlags, .. plan.Design, "--state", state];

    /// <summary>
    /// <paramref name="run"/> with every child's test error replaced by its test <paramref name="headline"/> (results.json
    /// name), so the tables, the Δs and the shipping rule read the task's metric (balanced error on a long tail,
    /// docs/mismatch.md); children without it are left out. Unchanged for plain error.
    /// </summary>
    public static RunFolder Headline(RunFolder run, string headline) =>
        headline == RunMetrics.ErrorName || run.Results is not { } results
            ? run
            : run with
            {
                Results = results with
                {
                    Children = results.Children
                        .Select(c => MetricViews.Test(c, MetricViews.End, headline) is { } value ? c with { TestError = value } : null)
                        .OfType<RunChild>()
                        .ToArray(),
                },
            };

    /// <summary>
    /// A task's shared flags: the plan's and the task's. The arms run side by side and a state folder has one owner
    /// (docs/durability.md, "One owner per state folder"), so each arm uses the state folder of its own run folder
    /// (<see cref="AlaRunner"/>), into which <see cref="ShareSnapshot"/> copies the learned snapshot first.
    /// </summary>
    public static IReadOnlyList<string> ApplyFlags(TransferPlan plan, TransferTask task) => [.. plan.ApplyFlags, .. task.Flags];

    /// <summary>
    /// Copies the snapshot <paramref name="learned"/> (ID@VERSION) from the learning run's state folder
    /// <paramref name="state"/> into the state folder of each arm under <paramref name="taskFolder"/>, where its
    /// <c>--policy ID@VERSION</c> finds it.
    /// </summary>
    public static void ShareSnapshot(string state, string learned, string taskFolder, IEnumerable<Arm> arms)
    {
        var reference = PolicyReference.Parse(learned);
        var version = reference.Version ?? throw new FormatException($"{learned} names no version");
        var source = new PolicyStore(state).PathOf(reference.PolicyId, version);
        foreach (var arm in arms)
        {
            var target = new PolicyStore(Path.Combine(taskFolder, arm.Name, AlaRunner.StateFolderName)).PathOf(reference.PolicyId, version);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }

    /// <summary>The rule of <see cref="ShipDecision"/> on the first task.</summary>
    public static ShipDecision Decide(TransferPlan plan, TransferTaskReport? fresh)
    {
        if (!plan.IsEvidence)
        {
            return new ShipDecision(false, "smoke plan: never shipped", null);
        }

        var versusRandom = fresh?.LearnedVsRandom;
        var versusCe = fresh?.Arms.FirstOrDefault(a => a.Arm == TransferArms.Learned)?.VersusCe;
        if (versusRandom?.Interval is not { } random || versusCe?.Interval is not { } ce)
        {
            return new ShipDecision(null, $"{fresh?.Task ?? "first task"}: learned, random or ce missing, or fewer than two pairs", null);
        }

        var helps = random.High < 0 || ce.High < 0;
        return new ShipDecision(
            helps,
            $"{fresh!.Task}: learned − random {Format(versusRandom)}, learned − ce {Format(versusCe)}; ship when either interval lies below 0",
            null);
    }

    private static string Format(PairedDifference d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Summary.Mean:+0.00;-0.00} pp [{d.Interval!.Low:+0.00;-0.00}, {d.Interval.High:+0.00;-0.00}]");

    private static PairedDifference? Versus(IReadOnlyDictionary<string, RunFolder> runs, string arm, string reference) =>
        runs[arm].Results is { } a && runs[reference].Results is { } r
            ? PairedDifference.Of(ArmAnalysis.TestErrorBySeed(a), ArmAnalysis.TestErrorBySeed(r))
            : null;

    private static string Defined(IReadOnlyList<string> flags, Arm arm, string prefix, string runDirectory) =>
        AlaCommand.Script.Format(["run", .. flags, .. arm.Flags, "--experiment-id", $"{prefix}-{arm.Name}", "--out", runDirectory]);
}
