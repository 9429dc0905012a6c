using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// The hyperparameters of one experiment, as the user asked for them: immutable, validated at each boundary that accepts
/// them, logged once and kept in the run record. Each owner gets its part (docs/design.md §3, "Settings by owner"):
/// children <see cref="Options.ChildSettings"/>, the policy <see cref="Coordination.PolicySettings"/>. Every default is the
/// design's (docs/design.md §1–2); provenance tags: [P] paper, [R] public re-implementation, [D] our design, measured.
/// </summary>
public sealed record ExperimentOptions
{
    /// <summary>Data set. Default <see cref="TaskKind.FashionMnist"/>.</summary>
    public TaskKind Task { get; init; } = TaskKind.FashionMnist;

    /// <summary>Folder with the data files; null = the task's default (Fashion-MNIST: /usr/share/datasets/fashion-mnist).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Child model. Default <see cref="ModelKind.Cnn"/>.</summary>
    public ModelKind Model { get; init; } = ModelKind.Cnn;

    /// <summary>Number of child models trained in parallel. Default 4.</summary>
    public int Children { get; init; } = 4;

    /// <summary>Training epochs per child. Default 3.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Loss mode: ALA or one of the baselines. Default <see cref="LossMode.Ala"/>.</summary>
    public LossMode Loss { get; init; } = LossMode.Ala;

    /// <summary>Parametric loss family [D]. Default <see cref="LossForm.Pairwise"/>.</summary>
    public LossForm LossForm { get; init; } = LossForm.Pairwise;

    /// <summary>Metric the reward is computed from. Default <see cref="MetricKind.Error"/>.</summary>
    public MetricKind Metric { get; init; } = MetricKind.Error;

    /// <summary>K: training iterations (mini-batches) per controller step [R]. Default 200.</summary>
    public int Window { get; init; } = 200;

    /// <summary>β: size of one action on an off-diagonal Φ entry [D, measured]. Default 0.02.</summary>
    public double Beta { get; init; } = 0.02;

    /// <summary>φ_max: off-diagonal Φ entries are clipped to [−φ_max, φ_max] [D]. Default 0.2.</summary>
    public double PhiMax { get; init; } = 0.2;

    /// <summary>Reward form [D]. Default <see cref="RewardKind.Diff"/>.</summary>
    public RewardKind Reward { get; init; } = RewardKind.Diff;

    /// <summary>REINFORCE baseline [D]. Default <see cref="BaselineKind.Population"/>.</summary>
    public BaselineKind Baseline { get; init; } = BaselineKind.Population;

    /// <summary>Keep the policy at its initial (or loaded) weights while Φ still moves: the learning control. Default false.</summary>
    public bool FreezePolicy { get; init; }

    /// <summary>Experiment seed; child i uses <c>Seed + i</c> for initialisation and data order. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Train on the first N training images only (after the validation split is carved); null = all.</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Images per mini-batch. Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Child optimiser (Adam) learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Size of the validation split, carved from the end of the training set (never the test set). Default 5,000.</summary>
    public int ValidationSize { get; init; } = 5000;

    /// <summary>H: controller steps of (C_ij, C_ji) history in the state [R]. Default 10.</summary>
    public int HistoryLength { get; init; } = 10;

    /// <summary>S: validation evaluations per window, combined by the discounted mean [R]. Default 4.</summary>
    public int EvaluationsPerWindow { get; init; } = 4;

    /// <summary>γ: discount of the window metric, Eq. 4 [R]. Default 0.9.</summary>
    public double Gamma { get; init; } = 0.9;

    /// <summary>Width of the policy's two hidden layers [R]. Default 32.</summary>
    public int PolicyHidden { get; init; } = 32;

    /// <summary>Policy (Adam) learning rate [R]. Default 1e-3.</summary>
    public double PolicyLearningRate { get; init; } = 1e-3;

    /// <summary>Replay memory capacity in transitions [R]. Default 1,000.</summary>
    public int ReplayCapacity { get; init; } = 1000;

    /// <summary>Transitions sampled from the replay memory into each update [R/D]. Default 8.</summary>
    public int ReplaySample { get; init; } = 8;

    /// <summary>Decay of the <see cref="BaselineKind.Ema"/> baseline. Default 0.9.</summary>
    public double EmaDecay { get; init; } = 0.9;

    /// <summary>A round closes when every live child reported or after this many seconds [D]. Default 60.</summary>
    public double RoundTimeoutSeconds { get; init; } = 60;

    /// <summary>Epochs of plain CE before the controller starts acting [D]. Default 0.</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>Collapse guard: validation error above this multiple of its best rolls the child back [D]. Default 2.</summary>
    public double CollapseFactor { get; init; } = 2.0;

    /// <summary>Collapse guard: a maximum |logit| above this rolls the child back [D]. Default 1e4.</summary>
    public double MaxLogit { get; init; } = 1e4;

    /// <summary>
    /// Policy (coordinator) id that the children of this experiment report to (<c>--share-policy</c>); experiments on one
    /// silo with the same id learn one policy together. Null = the experiment id (a policy of its own).
    /// </summary>
    public string? PolicyId { get; init; }

    /// <summary>Keep only the images of the first K classes in every split (a task with fewer classes, e.g. for transfer); null = all.</summary>
    public int? Classes { get; init; }

    /// <summary>
    /// Retrieval: the embedding is trained on the classes below N and retrieval is tested on the others (docs/retrieval.md);
    /// null = half of the classes (5 of 10).
    /// </summary>
    public int? TrainClasses { get; init; }

    /// <summary>Retrieval: D, the dimension of the L2-normalised embedding. Default 64.</summary>
    public int EmbeddingDim { get; init; } = 64;

    /// <summary>Retrieval: B, distance bins over [0, 2]; Φ is a weight per bin for positive and for negative pairs (2B groups). Default 10.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>A learning policy saves a snapshot every this many policy updates, and at the end of the run. Default 10.</summary>
    public int SnapshotEvery { get; init; } = 10;

    /// <summary>
    /// Weights the policy starts from instead of a random initialisation (<c>ala run --policy</c>); null = random from
    /// <see cref="Seed"/>. Its reference is recorded as the run's <c>fromPolicy</c>; with <see cref="FreezePolicy"/> the
    /// weights stay unchanged for the whole run (transfer evaluation).
    /// </summary>
    public PolicySnapshot? InitialPolicy { get; init; }

    /// <summary>
    /// Seed of every data transform (validation carve aside, which is deterministic): which images a long-tailed split
    /// keeps, which labels flip, a random tail order. Separate from <see cref="Seed"/> so that every arm and child of a
    /// comparison trains on the same data. Default 1.
    /// </summary>
    public int DataSeed { get; init; } = 1;

    /// <summary>How the validation split is carved (docs/mismatch.md). Default <see cref="ValidationSplitKind.Auto"/>.</summary>
    public ValidationSplitKind ValidationSplit { get; init; } = ValidationSplitKind.Auto;

    /// <summary>
    /// Imbalance ratio R ≥ 1 of a long-tailed training split (Cao et al. 2019): the class of rank r keeps
    /// ⌊n_max · R^(−r/(C−1))⌋ images. Null = the training split as it is.
    /// </summary>
    public double? Imbalance { get; init; }

    /// <summary>Which classes are the head and the tail of <see cref="Imbalance"/>: natural, reverse, random or a list "3,1,…" (head first). Default natural.</summary>
    public string ImbalanceOrder { get; init; } = "natural";

    /// <summary>Label noise applied to the training split only; null = clean labels. Pair-flip noise without pairs takes the task's default pairs.</summary>
    public LabelNoise? LabelNoise { get; init; }

    /// <summary>ε of <see cref="LossMode.LabelSmoothing"/>, in [0, 1). Default 0.1.</summary>
    public double Smoothing { get; init; } = 0.1;

    /// <summary>γ ≥ 0 of <see cref="LossMode.Focal"/>. Default 2.</summary>
    public double FocalGamma { get; init; } = 2.0;

    /// <summary>β in [0, 1) of <see cref="LossMode.ClassBalanced"/> (effective number of samples). Default 0.999.</summary>
    public double ClassBalanceBeta { get; init; } = 0.999;

    /// <summary>τ of <see cref="LossMode.LogitAdjusted"/> and of the post-hoc logit adjustment every run reports. Default 1.</summary>
    public double Tau { get; init; } = 1.0;

    /// <summary>
    /// Φ_0, C rows of C entries (<c>--phi FILE</c>): the parametric loss starts from it instead of I; with
    /// <see cref="LossMode.Fixed"/> it stays there (a static arm). Null = I.
    /// </summary>
    public double[][]? Phi { get; init; }

    /// <summary>
    /// Per-class logit offsets δ moved by the same policy beside Φ (a departure from the paper, docs/mismatch.md): C more
    /// groups whose actions ±<see cref="OffsetBeta"/> change δ, the children training on l_Φ(z + δ, y). Default false.
    /// </summary>
    public bool ClassOffsets { get; init; }

    /// <summary>
    /// How the policy's decisions on Φ are grouped: one per class pair (default) or one for every pair at once, whose
    /// state is the mean of the pairs' state rows (a departure from the paper, docs/mismatch.md). Default <see cref="PhiGroupKind.Pairs"/>.
    /// </summary>
    public PhiGroupKind PhiGroups { get; init; } = PhiGroupKind.Pairs;

    /// <summary>
    /// How each window's reward is credited to the decisions (docs/credit.md): one global reward (the paper), or each
    /// class pair its own difference reward. Default <see cref="CreditKind.Global"/>.
    /// </summary>
    public CreditKind Credit { get; init; } = CreditKind.Global;

    /// <summary>
    /// Siblings per child (docs/credit.md, "Sibling rounds"): at every window start a child branches into this many
    /// copies of its state that draw the same batches and differ only in their sampled actions; each sibling's reward is
    /// compared with its siblings' mean, and the child continues from the sibling with the best validation metric at
    /// the window end. 1 (the default) is the paper's design: one branch, compared with the other children of the round.
    /// </summary>
    public int Siblings { get; init; } = 1;

    /// <summary>
    /// With <see cref="Siblings"/>: sibling 2k + 1 takes the mirror of sibling 2k's sampled actions (−β for +β, keep for
    /// keep), so a pair of siblings measures the two directions of the same move. Default false (every sibling samples).
    /// </summary>
    public bool Antithetic { get; init; }

    /// <summary>Action size on a class offset δ_c. Default 0.1 (logit adjustment at R = 10 spans ln 10 ≈ 2.3 between head and tail).</summary>
    public double OffsetBeta { get; init; } = 0.1;

    /// <summary>Class offsets are clipped to [−δ_max, δ_max]. Default 3.</summary>
    public double OffsetMax { get; init; } = 3.0;

    /// <summary>The noise spec with the task's default pairs filled in (pair-flip on Fashion-MNIST: 0-6, 2-4, 5-7); null when clean.</summary>
    public LabelNoise? ResolvedLabelNoise() => ChildSettings().ResolvedLabelNoise();

    /// <summary>The validation carve this run uses: <see cref="ValidationSplitKind.Auto"/> resolved.</summary>
    public ValidationSplitKind ResolvedValidationSplit() => ChildSettings().ResolvedValidationSplit();

    /// <summary>What every child of this experiment reads (docs/design.md §3, "Settings by owner"): its job carries only this.</summary>
    public ChildSettings ChildSettings() => Options.ChildSettings.From(this);

    /// <summary>
    /// Folder of the TensorBoard event files (<c>--tensorboard</c>), written by the silo that trains each child as its
    /// windows end (docs/cli.md, "TensorBoard"); null = none. Not a hyperparameter: it changes nothing in training.
    /// </summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>Device for the children: "cpu" or "cuda". Default "cpu".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The re-implementation's settings (docs/design.md §4 <c>--preset paper</c>): sigmoid form, β 0.1, sign reward, ema baseline, φ_max 1.</summary>
    public ExperimentOptions WithPaperPreset() => this with
    {
        LossForm = LossForm.Sigmoid,
        Beta = 0.1,
        Reward = RewardKind.Sign,
        Baseline = BaselineKind.Ema,
        PhiMax = 1.0,
    };

    /// <summary>Every problem with these options, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Validate() => ExperimentOptionsValidator.Validate(this);
}
