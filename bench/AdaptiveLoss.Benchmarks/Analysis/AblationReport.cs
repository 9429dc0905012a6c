using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>ablations.json: every variant of the reduced budget with its paired difference to cross-entropy (docs/evidence.md).</summary>
/// <param name="Kind">"ablations".</param>
/// <param name="Description">The reduced budget in words.</param>
/// <param name="IsEvidence">False for the smoke plan.</param>
/// <param name="Units">What the numbers are in.</param>
/// <param name="RunsDirectory">The ablations' run folder.</param>
/// <param name="GeneratedUtc">When the analysis ran.</param>
/// <param name="Variants">Every variant of the plan, present or not; the reference (ce) first.</param>
/// <param name="RunMachines">Machines in the runs' bench-run.json files.</param>
/// <param name="AnalysisMachine">The machine of the analysis.</param>
/// <param name="Warnings">Missing variants, unreadable files, runs that differ from the plan.</param>
internal sealed record AblationReport(
    string Kind,
    string Description,
    bool IsEvidence,
    string Units,
    string RunsDirectory,
    DateTimeOffset GeneratedUtc,
    IReadOnlyList<ArmReport> Variants,
    IReadOnlyList<MachineInfo> RunMachines,
    MachineInfo AnalysisMachine,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The value of <see cref="Kind"/>.</summary>
    public const string KindName = "ablations";

    /// <summary>The JSON file name.</summary>
    public const string FileName = "ablations.json";
}
