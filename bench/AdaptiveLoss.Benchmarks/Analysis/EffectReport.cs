using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>effect-BUDGET.json: every arm of one budget, the learning-vs-frozen difference, the target, the figures.</summary>
/// <param name="Kind">"effect".</param>
/// <param name="Budget">short, long or smoke.</param>
/// <param name="Description">The budget in words.</param>
/// <param name="IsEvidence">False for the smoke budget.</param>
/// <param name="Units">What the numbers are in.</param>
/// <param name="RunsDirectory">The budget's run folder.</param>
/// <param name="GeneratedUtc">When the analysis ran.</param>
/// <param name="Arms">Every arm of <see cref="EffectArms.All"/>, present or not, in table order.</param>
/// <param name="LearningVsFrozen">ala − frozen per common seed (percentage points); null when either is missing.</param>
/// <param name="Target">The effect benchmark's target (docs/evidence.md), reported, not asserted.</param>
/// <param name="Figures">Every key of <see cref="FigureKeys.All"/>.</param>
/// <param name="RunMachines">Machines in the runs' bench-run.json files (empty for runs made outside ./bench.sh).</param>
/// <param name="AnalysisMachine">The machine of the analysis.</param>
/// <param name="Warnings">Missing arms, unreadable files, runs that differ from the budget.</param>
internal sealed record EffectReport(
    string Kind,
    string Budget,
    string Description,
    bool IsEvidence,
    string Units,
    string RunsDirectory,
    DateTimeOffset GeneratedUtc,
    IReadOnlyList<ArmReport> Arms,
    PairedDifference? LearningVsFrozen,
    TargetCheck Target,
    IReadOnlyDictionary<string, FigureReport> Figures,
    IReadOnlyList<MachineInfo> RunMachines,
    MachineInfo AnalysisMachine,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The value of <see cref="Kind"/>.</summary>
    public const string KindName = "effect";

    /// <summary>The units line of every bench JSON.</summary>
    public const string UnitsText = "test errors in percent; differences in percentage points (arm - reference); validation metrics as fractions";

    /// <summary>The JSON file name of <paramref name="budget"/>.</summary>
    public static string FileName(string budget) => $"effect-{budget}.json";
}
