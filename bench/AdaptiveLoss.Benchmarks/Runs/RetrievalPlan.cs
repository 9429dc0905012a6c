namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The metric-learning benchmark (docs/retrieval.md, "The study"), fixed before running: three arms as <c>ala run --task
/// retrieval</c> processes into RUNS/retrieval/ARM, paired by seed (child i of every arm has seed 1 + i): the margin loss
/// (static), ALA (the policy learns) and the same policy frozen at its initial weights (Φ still moves).
/// </summary>
/// <param name="Name">full or smoke.</param>
/// <param name="Flags">Flags every arm shares.</param>
/// <param name="Description">One line for the report.</param>
/// <param name="IsEvidence">False for the smoke plan: it checks the pipeline and says nothing about the method.</param>
internal sealed record RetrievalPlan(string Name, IReadOnlyList<string> Flags, string Description, bool IsEvidence)
{
    /// <summary>The folder under the runs root.</summary>
    public const string Folder = "retrieval";

    /// <summary>Arm names, in run and report order.</summary>
    public const string Margin = "margin", Ala = "ala", Frozen = "frozen";

    /// <summary>The pre-registered decision rule (docs/retrieval.md, written before the study ran).</summary>
    public const string DecisionRule =
        "ALA is better than its frozen control (and than the margin loss) if the 95 % paired t-interval of the Recall@1 difference " +
        "lies entirely above 0; worse if entirely below; otherwise no difference was detected. NMI is reported with the same " +
        "intervals but does not decide.";

    /// <summary>The arms: the static margin loss, ALA, and ALA with the policy frozen.</summary>
    public static IReadOnlyList<Arm> Arms { get; } =
    [
        new(Margin, ["--loss", "fixed"], "margin loss with distance-weighted sampling, every bin weight 1"),
        new(Ala, ["--loss", "ala"], "bin weights moved by the shared policy, which learns"),
        new(Frozen, ["--loss", "ala", "--freeze-policy"], "bin weights moved by the same policy at its initial weights"),
    ];

    /// <summary>
    /// Class-disjoint Fashion-MNIST (train on classes 0–4, test retrieval on 5–9), MLP, 8 paired children, a budget a
    /// 2-core machine runs in minutes per arm.
    /// </summary>
    public static RetrievalPlan Full { get; } = new(
        "full",
        ["--task", "retrieval", "--model", "mlp", "--children", "8", "--seed", "1", "--epochs", "3", "--train-limit", "10000",
            "--validation-size", "1000", "--window", "25", "--beta", "0.05", "--phi-max", "0.5", "--progress", "lines"],
        "Fashion-MNIST classes 0–4 train (10,000 images, 3 epochs), 1,000 held-out images of those classes validate, the 5,000 test images of "
            + "classes 5–9 are the retrieval test; MLP, D = 64, B = 10, K = 25, β = 0.05, φ_max = 0.5, 8 paired seeds",
        IsEvidence: true);

    /// <summary>CI: the same pipeline on tiny data (two children, a few windows).</summary>
    public static RetrievalPlan Smoke { get; } = new(
        "smoke",
        ["--task", "retrieval", "--model", "mlp", "--children", "2", "--seed", "1", "--epochs", "1", "--train-limit", "600",
            "--validation-size", "100", "--window", "5", "--embedding-dim", "16", "--bins", "4", "--beta", "0.1", "--progress", "lines"],
        "pipeline check only: MLP, 600 training images, 1 epoch, K = 5, B = 4, 2 children", IsEvidence: false);

    /// <summary>RUNS/retrieval.</summary>
    public static string RunsFolder(string runsRoot) => Path.Combine(runsRoot, Folder);
}
