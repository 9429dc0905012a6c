namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The transfer benchmark (docs/policy-snapshots.md), fixed before running: one long ALA run learns a policy (seed 1), then every
/// task runs the arms of <see cref="TransferArms"/> on fresh seeds with a smaller budget. Child i of every arm of a
/// task has seed S + i, so arms pair by seed; the seeds never overlap the learning run's.
/// </summary>
/// <param name="Name">full or smoke.</param>
/// <param name="LearnFlags">Flags of the learning run.</param>
/// <param name="ApplyFlags">Flags every arm of every task shares.</param>
/// <param name="Tasks">The tasks the learned policy is applied to.</param>
/// <param name="Description">One line for the report.</param>
/// <param name="IsEvidence">False for the smoke plan: it checks the pipeline and says nothing about the method.</param>
internal sealed record TransferPlan(
    string Name, IReadOnlyList<string> LearnFlags, IReadOnlyList<string> ApplyFlags, IReadOnlyList<TransferTask> Tasks,
    string Description, bool IsEvidence)
{
    /// <summary>The folder under the runs root: RUNS/transfer/{learn,state,TASK/ARM}.</summary>
    public const string Folder = "transfer";

    /// <summary>The learning run's folder (and arm) name; its experiment id, and so its policy id, is transfer-learn.</summary>
    public const string Learn = "learn";

    /// <summary>The state folder every run of the benchmark shares, under <see cref="Folder"/>: the learned snapshots.</summary>
    public const string State = "state";

    /// <summary>The policy id of the learning run (its experiment id).</summary>
    public const string LearnedPolicyId = Folder + "-" + Learn;

    /// <summary>Where the evidence plan ships a learned policy that helps, relative to the repository root.</summary>
    public const string ShippedPolicy = "policies/fashion-mnist-mlp.json";

    /// <summary>
    /// Learns over the long effect budget (MLP, 30 epochs = 65 windows, 8 children) and applies on 8 fresh seeds with
    /// 10 epochs (about 21 windows), on all ten classes and on the first five.
    /// </summary>
    public static TransferPlan Full { get; } = new(
        "full",
        ["--model", "mlp", "--children", "8", "--epochs", "30", "--seed", "1"],
        ["--model", "mlp", "--children", "8", "--epochs", "10", "--seed", "101"],
        [new("fresh", [], "Fashion-MNIST, all 10 classes, fresh seeds 101-108"), new("classes5", ["--classes", "5"], "Fashion-MNIST, first 5 classes, fresh seeds 101-108")],
        "learn: MLP, 30 epochs, 8 children, seed 1; apply: MLP, 10 epochs, 8 children, seeds 101-108", IsEvidence: true);

    /// <summary>CI: tiny runs that keep the pipeline working (not evidence).</summary>
    public static TransferPlan Smoke { get; } = new(
        "smoke",
        ["--model", "mlp", "--children", "2", "--epochs", "2", "--seed", "1", "--train-limit", "600", "--validation-size", "200", "--window", "4"],
        ["--model", "mlp", "--children", "2", "--epochs", "1", "--seed", "101", "--train-limit", "600", "--validation-size", "200", "--window", "4"],
        [new("fresh", [], "600 training images, 10 classes"), new("classes5", ["--classes", "5"], "first 5 classes of the 600 images")],
        "pipeline check only: MLP, 600 training images, K = 4, 2 children", IsEvidence: false);
}

/// <summary>A task the learned policy is applied to.</summary>
/// <param name="Name">Folder name under RUNS/transfer and the task's name in the tables.</param>
/// <param name="Flags">Flags the task adds to the plan's apply flags.</param>
/// <param name="Description">One line for the report.</param>
internal sealed record TransferTask(string Name, IReadOnlyList<string> Flags, string Description);
