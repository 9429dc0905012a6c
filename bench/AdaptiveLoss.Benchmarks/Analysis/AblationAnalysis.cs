using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// Analyses RUNS/abl/VARIANT of an <see cref="AblationPlan"/>: each variant paired with cross-entropy on the seeds
/// both completed (children-N variants therefore pair with cross-entropy's first N seeds).
/// </summary>
internal static class AblationAnalysis
{
    /// <summary>The report of <paramref name="plan"/> from the run folders under <paramref name="runsRoot"/>.</summary>
    public static AblationReport Analyse(AblationPlan plan, string runsRoot, bool isEvidence)
    {
        var folder = Path.GetFullPath(Path.Combine(runsRoot, plan.Folder));
        var runs = plan.Variants.ToDictionary(v => v.Name, v => RunFolder.Read(Path.Combine(folder, v.Name)));
        var reference = runs[AblationPlan.Reference].Results;
        var variants = plan.Variants
            .Select(v => ArmAnalysis.Build(v, runs[v.Name], v.Name == AblationPlan.Reference ? null : reference, DefinedCommand(plan, v, runs[v.Name].Directory)))
            .ToArray();
        return new AblationReport(
            AblationReport.KindName, plan.Description, isEvidence, EffectReport.UnitsText, folder, DateTimeOffset.UtcNow, variants,
            runs.Values.Select(r => r.Record?.Machine).OfType<MachineInfo>().Distinct().ToArray(),
            MachineInfo.Current(),
            EffectAnalysis.Warnings(plan.Folder, plan.Flags, plan.Variants, runs));
    }

    /// <summary>The command ./bench.sh runs for <paramref name="variant"/>.</summary>
    public static string DefinedCommand(AblationPlan plan, Arm variant, string runDirectory) =>
        AlaCommand.Script.Format(["run", .. plan.Flags, .. variant.Flags, "--experiment-id", $"{plan.Folder}-{variant.Name}", "--out", runDirectory]);
}
