using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>transfer.json (docs/policy-snapshots.md): the learning run, every task's arms paired by seed, and the shipping decision.</summary>
/// <param name="Kind">"transfer".</param>
/// <param name="Plan">full or smoke.</param>
/// <param name="Task">The plan's learning task: clean or pairflip (null in files written before plans had one: clean).</param>
/// <param name="Design">The credit design flags added to every ALA run (<c>--design</c>); null for the CLI's defaults.</param>
/// <param name="Description">The plan in words.</param>
/// <param name="IsEvidence">False for the smoke plan.</param>
/// <param name="Units">What the numbers are in.</param>
/// <param name="RunsDirectory">RUNS/FOLDER (transfer, transfer-pairflip).</param>
/// <param name="GeneratedUtc">When the analysis ran.</param>
/// <param name="LearnedPolicy">ID@VERSION of the learning run's final snapshot; null when the learning run is missing.</param>
/// <param name="Learn">The learning run (its test errors are on its own seeds, not paired with the tasks').</param>
/// <param name="Tasks">Each task's arms and comparisons.</param>
/// <param name="Ship">Whether the learned policy helps enough to ship.</param>
/// <param name="RunMachines">Machines in the runs' bench-run.json files.</param>
/// <param name="AnalysisMachine">The machine of the analysis.</param>
/// <param name="Warnings">Missing arms, unreadable files, runs that differ from the plan.</param>
internal sealed record TransferReport(
    string Kind,
    string Plan,
    string? Task,
    string? Design,
    string Description,
    bool IsEvidence,
    string Units,
    string RunsDirectory,
    DateTimeOffset GeneratedUtc,
    string? LearnedPolicy,
    ArmReport Learn,
    IReadOnlyList<TransferTaskReport> Tasks,
    ShipDecision Ship,
    IReadOnlyList<MachineInfo> RunMachines,
    MachineInfo AnalysisMachine,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The value of <see cref="Kind"/>.</summary>
    public const string KindName = "transfer";

    /// <summary>The clean plan's JSON file name in the results folder (a mismatch plan's is <see cref="TransferPlan.FileName"/>).</summary>
    public const string FileName = "transfer.json";
}

/// <summary>One task: its arms (Δ vs CE inside each) and the differences to the frozen random policy.</summary>
/// <param name="Task">Task name (its run folder).</param>
/// <param name="Description">The task in words.</param>
/// <param name="Flags">Flags the task adds to the plan's.</param>
/// <param name="Arms">Every arm of <see cref="TransferArms"/>, present or not, in table order.</param>
/// <param name="LearnedVsRandom">learned − random per common seed (pp); null when either is missing.</param>
/// <param name="ContinuedVsRandom">continued − random per common seed (pp); null when either is missing.</param>
/// <param name="Headline">The test metric of every number of the task (error, or balancedError on a long tail); null in older files: error.</param>
internal sealed record TransferTaskReport(
    string Task,
    string Description,
    string Flags,
    IReadOnlyList<ArmReport> Arms,
    PairedDifference? LearnedVsRandom,
    PairedDifference? ContinuedVsRandom,
    string? Headline = null);

/// <summary>
/// The shipping rule, fixed before running: ship the learned snapshot when, on the first task (fresh seeds, same
/// task), the frozen learned policy beats the frozen random policy or cross-entropy beyond the 95 % interval (its
/// upper end below 0). Never for the smoke plan.
/// </summary>
/// <param name="Helps">True / false by the rule; null when an arm is missing or has fewer than two pairs.</param>
/// <param name="Reason">The rule's inputs in words.</param>
/// <param name="ShippedTo">Where the suite copied the snapshot (repository-relative); null when not shipped.</param>
internal sealed record ShipDecision(bool? Helps, string Reason, string? ShippedTo);
