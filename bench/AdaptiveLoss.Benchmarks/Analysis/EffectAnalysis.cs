using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>Analyses the run folders RUNS/BUDGET/{ce,ala,frozen,paper} of one effect budget (docs/evidence.md).</summary>
internal static class EffectAnalysis
{
    /// <summary>The report of <paramref name="budget"/> from the run folders under <paramref name="runsRoot"/>.</summary>
    public static EffectReport Analyse(EffectBudget budget, string runsRoot, IFigureRenderer figures, string figuresDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(runsRoot, budget.Name));
        var runs = EffectArms.All.ToDictionary(a => a.Name, a => RunFolder.Read(Path.Combine(folder, a.Name)));
        var ce = runs[EffectArms.CrossEntropy].Results;
        var arms = EffectArms.All
            .Select(a => ArmAnalysis.Build(a, runs[a.Name], a.Name == EffectArms.CrossEntropy ? null : ce, DefinedCommand(budget, a, runs[a.Name].Directory)))
            .ToArray();

        var ala = runs[EffectArms.Ala].Results;
        var frozen = runs[EffectArms.Frozen].Results;
        var learning = ala is null || frozen is null
            ? null
            : PairedDifference.Of(ArmAnalysis.TestErrorBySeed(ala), ArmAnalysis.TestErrorBySeed(frozen));
        var alaReport = arms.Single(a => a.Arm == EffectArms.Ala);
        var figureInput = new EffectFigureInput(
            budget.Name,
            runs.ToDictionary(r => r.Key, r => r.Value.Directory),
            ala?.Rewards,
            alaReport.BestByValidation?.Id);

        return new EffectReport(
            EffectReport.KindName, budget.Name, budget.Description, budget.IsEvidence, EffectReport.UnitsText, folder,
            DateTimeOffset.UtcNow, arms, learning,
            TargetCheck.Of(budget.Name, alaReport.RatioToCe, learning),
            figures.RenderEffect(figureInput, figuresDirectory),
            runs.Values.Select(r => r.Record?.Machine).OfType<MachineInfo>().Distinct().ToArray(),
            MachineInfo.Current(),
            Warnings(budget.Name, budget.Flags, EffectArms.All, runs));
    }

    /// <summary>The command ./bench.sh runs for <paramref name="arm"/> of <paramref name="budget"/>.</summary>
    public static string DefinedCommand(EffectBudget budget, Arm arm, string runDirectory) =>
        AlaCommand.Script.Format(["run", .. budget.Flags, .. arm.Flags, "--experiment-id", $"{budget.Name}-{arm.Name}", "--out", runDirectory]);

    /// <summary>Missing or unreadable runs, and runs that differ from what the benchmark defines.</summary>
    public static IReadOnlyList<string> Warnings(string prefix, IReadOnlyList<string> sharedFlags, IReadOnlyList<Arm> arms, IReadOnlyDictionary<string, RunFolder> runs)
    {
        var warnings = new List<string>();
        foreach (var arm in arms)
        {
            var run = runs[arm.Name];
            var name = $"{prefix}/{arm.Name}";
            if (run.Error is not null)
            {
                warnings.Add($"{name}: unreadable: {run.Error}");
            }
            else if (run.Results is null)
            {
                warnings.Add(run.Record is { ExitCode: not 0 } record
                    ? $"{name}: ala run exited {record.ExitCode}, no results.json (see {AlaRunner.LogFileName})"
                    : $"{name}: no results.json (not run yet, still running, or failed)");
            }
            else
            {
                warnings.AddRange(RunChecks.Check(name, [.. sharedFlags, .. arm.Flags], run.Results));
            }
        }

        return warnings;
    }
}
