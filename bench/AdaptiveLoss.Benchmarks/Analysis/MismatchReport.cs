using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>mismatch.json: every task of the plan with its rows, paired differences and best static baseline.</summary>
/// <param name="Kind">"mismatch".</param>
/// <param name="Plan">full or smoke.</param>
/// <param name="Description">The plan in words.</param>
/// <param name="IsEvidence">False for the smoke plan.</param>
/// <param name="Units">What the numbers are in.</param>
/// <param name="RunsDirectory">RUNS/mismatch.</param>
/// <param name="GeneratedUtc">When the analysis ran.</param>
/// <param name="Tasks">Every task of the plan, in report order.</param>
/// <param name="RunMachines">Machines in the runs' bench-run.json files.</param>
/// <param name="AnalysisMachine">The machine of the analysis.</param>
/// <param name="Warnings">Missing arms, unreadable files, runs that differ from the plan, missing metrics.</param>
internal sealed record MismatchReport(
    string Kind,
    string Plan,
    string Description,
    bool IsEvidence,
    string Units,
    string RunsDirectory,
    DateTimeOffset GeneratedUtc,
    IReadOnlyList<MismatchTaskReport> Tasks,
    IReadOnlyList<MachineInfo> RunMachines,
    MachineInfo AnalysisMachine,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The value of <see cref="Kind"/>.</summary>
    public const string KindName = "mismatch";

    /// <summary>The JSON file name in the results folder.</summary>
    public const string FileName = "mismatch.json";

    /// <summary>The units line.</summary>
    public const string UnitsText = "test metrics in percent; differences in percentage points (row - reference); validation metrics as fractions; compute in child-epochs";
}
