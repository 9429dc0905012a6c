using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// Analyses RUNS/mismatch/TASK/ARM of a <see cref="MismatchPlan"/>: every task of the plan, whichever of its runs exist
/// (a partial or interrupted benchmark still gives a report, the missing arms flagged absent).
/// </summary>
internal static class MismatchAnalysis
{
    /// <summary>The report of <paramref name="plan"/> from the run folders under <paramref name="runsRoot"/>.</summary>
    public static MismatchReport Analyse(MismatchPlan plan, string runsRoot, IFigureRenderer figures, string figuresDirectory)
    {
        var root = Path.GetFullPath(runsRoot);
        var warnings = new List<string>();
        var folders = new List<RunFolder>();
        var tasks = new List<MismatchTaskReport>();
        foreach (var defined in plan.Runs(root))
        {
            var runs = defined.Arms.ToDictionary(a => a.Name, a => RunFolder.Read(Path.Combine(defined.Folder, a.Name)));
            folders.AddRange(runs.Values);
            tasks.Add(MismatchTaskAnalysis.Analyse(plan, defined, runs, figures, figuresDirectory, warnings));
        }

        return new MismatchReport(
            MismatchReport.KindName, plan.Name, plan.Description, plan.IsEvidence, MismatchReport.UnitsText,
            Path.Combine(root, MismatchPlan.Folder), DateTimeOffset.UtcNow, tasks,
            folders.Select(r => r.Record?.Machine).OfType<MachineInfo>().Distinct().ToArray(), MachineInfo.Current(), warnings);
    }
}
