using AdaptiveLoss.Benchmarks.Results;

namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The transfer benchmark (docs/policy-snapshots.md), fixed before running: one long ALA run learns a policy (seed 1), then every
/// task runs the arms of <see cref="TransferArms"/> on fresh seeds with a smaller budget. Child i of every arm of a
/// task has seed S + i, so arms pair by seed; the seeds never overlap the learning run's.
/// </summary>
/// <param name="Name">full or smoke.</param>
/// <param name="Task">What the policy is learned on: <see cref="TransferPlans.Clean"/> or <see cref="TransferPlans.PairFlip"/>.</param>
/// <param name="LearnFlags">Flags of the learning run.</param>
/// <param name="ApplyFlags">Flags every arm of every task shares.</param>
/// <param name="Tasks">The tasks the learned policy is applied to.</param>
/// <param name="Description">One line for the report.</param>
/// <param name="IsEvidence">False for the smoke plans: they check the pipeline and say nothing about the method.</param>
internal sealed record TransferPlan(
    string Name, string Task, IReadOnlyList<string> LearnFlags, IReadOnlyList<string> ApplyFlags, IReadOnlyList<TransferTask> Tasks,
    string Description, bool IsEvidence)
{
    /// <summary>The learning run's folder (and arm) name.</summary>
    public const string Learn = "learn";

    /// <summary>The state folder every run of the benchmark shares, under <see cref="Folder"/>: the learned snapshots.</summary>
    public const string State = "state";

    /// <summary>
    /// The credit design under test (<c>--design "FLAGS"</c>): added to the learning run and to every ALA arm, never to
    /// cross-entropy. Empty: the CLI's defaults.
    /// </summary>
    public IReadOnlyList<string> Design { get; init; } = [];

    /// <summary>
    /// The folder under the runs root: RUNS/FOLDER/{learn,state,TASK/ARM}. The clean plan keeps "transfer" so its
    /// archived runs stay where they were; a mismatch plan has its own ("transfer-pairflip").
    /// </summary>
    public string Folder => Task == TransferPlans.Clean ? "transfer" : $"transfer-{Task}";

    /// <summary>The policy id of the learning run (its experiment id, FOLDER-learn).</summary>
    public string LearnedPolicyId => $"{Folder}-{Learn}";

    /// <summary>
    /// Where the evidence plan ships a learned policy that helps, relative to the repository root: the clean plan's is
    /// the default policy; a mismatch plan ships to a file named by its task and never replaces it.
    /// </summary>
    public string ShippedPolicy => Task == TransferPlans.Clean ? "policies/fashion-mnist-mlp.json" : $"policies/fashion-mnist-mlp-{Task}.json";

    /// <summary>The JSON file in the results folder: transfer.json for the clean plan, transfer-TASK.json otherwise.</summary>
    public string FileName => $"{Folder}.json";

    /// <summary>
    /// Clean Fashion-MNIST: learns over the long effect budget (MLP, 30 epochs = 65 windows, 8 children) and applies
    /// on 8 fresh seeds with 10 epochs (about 21 windows), on all ten classes and on the first five.
    /// </summary>
    public static TransferPlan Full { get; } = new(
        "full", TransferPlans.Clean,
        ["--model", "mlp", "--children", "8", "--epochs", "30", "--seed", "1"],
        ["--model", "mlp", "--children", "8", "--epochs", "10", "--seed", "101"],
        [new("fresh", [], "Fashion-MNIST, all 10 classes, fresh seeds 101-108"), new("classes5", ["--classes", "5"], "Fashion-MNIST, first 5 classes, fresh seeds 101-108")],
        "learn: MLP, 30 epochs, 8 children, seed 1; apply: MLP, 10 epochs, 8 children, seeds 101-108", IsEvidence: true);

    /// <summary>CI: tiny runs that keep the clean pipeline working (not evidence).</summary>
    public static TransferPlan Smoke { get; } = new(
        "smoke", TransferPlans.Clean,
        ["--model", "mlp", "--children", "2", "--epochs", "2", "--seed", "1", .. SmokeData],
        ["--model", "mlp", "--children", "2", "--epochs", "1", "--seed", "101", .. SmokeData],
        [new("fresh", [], "600 training images, 10 classes"), new("classes5", ["--classes", "5"], "first 5 classes of the 600 images")],
        "pipeline check only: MLP, 600 training images, K = 4, 2 children", IsEvidence: false);

    /// <summary>
    /// Pair-flip noise (docs/mismatch.md, where cross-entropy is not aligned with the metric): learns on 40 % pair-flip
    /// noise over the default pairs (0-6, 2-4, 5-7), data seed 1, over the long budget; applies on 8 fresh seeds with
    /// 10 epochs to the same noise, to another pair set, and to a long tail scored by balanced error.
    /// </summary>
    public static TransferPlan PairFlip { get; } = new(
        "full", TransferPlans.PairFlip,
        ["--model", "mlp", "--children", "8", "--epochs", "30", "--seed", "1", "--data-seed", "1", "--label-noise", "pairflip:0.4"],
        ["--model", "mlp", "--children", "8", "--epochs", "10", "--seed", "101", "--data-seed", "1"],
        MismatchTasks("fresh seeds 101-108"),
        "learn: MLP, pair-flip 0.4 (pairs 0-6, 2-4, 5-7), data seed 1, 30 epochs, 8 children, seed 1; apply: MLP, 10 epochs, 8 children, seeds 101-108",
        IsEvidence: true);

    /// <summary>CI: the pair-flip plan's tasks on tiny runs (not evidence).</summary>
    public static TransferPlan PairFlipSmoke { get; } = new(
        "smoke", TransferPlans.PairFlip,
        ["--model", "mlp", "--children", "2", "--epochs", "2", "--seed", "1", "--data-seed", "1", "--label-noise", "pairflip:0.4", .. SmokeData],
        ["--model", "mlp", "--children", "2", "--epochs", "1", "--seed", "101", "--data-seed", "1", .. SmokeData],
        MismatchTasks("600 training images"),
        "pipeline check only: MLP, pair-flip 0.4, 600 training images, K = 4, 2 children", IsEvidence: false);

    private static string[] SmokeData => ["--train-limit", "600", "--validation-size", "200", "--window", "4"];

    // The learning task first (the shipping rule reads it), then another pair set and another task (docs/mismatch.md):
    // pairs 1-3 trouser/dress, 4-6 coat/shirt, 7-9 sneaker/ankle boot are disjoint and on the ten classes.
    private static TransferTask[] MismatchTasks(string seeds) =>
    [
        new("fresh", ["--label-noise", "pairflip:0.4"], $"pair-flip 0.4 on the learning pairs 0-6, 2-4, 5-7, {seeds}"),
        new("pairs", ["--label-noise", "pairflip:0.4:1-3,4-6,7-9"], $"pair-flip 0.4 on other pairs 1-3, 4-6, 7-9, {seeds}"),
        new("longtail10", ["--imbalance", "10", "--metric", "balanced-error"], $"clean labels, long tail ratio 10, balanced error, {seeds}", RunMetrics.BalancedErrorName),
    ];
}

/// <summary>A task the learned policy is applied to.</summary>
/// <param name="Name">Folder name under RUNS/FOLDER and the task's name in the tables.</param>
/// <param name="Flags">Flags the task adds to the plan's apply flags.</param>
/// <param name="Description">One line for the report.</param>
/// <param name="Headline">The test metric its arms are compared on (results.json name: error or balancedError).</param>
internal sealed record TransferTask(string Name, IReadOnlyList<string> Flags, string Description, string Headline = RunMetrics.ErrorName);
