using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// What a child reads of its experiment's options (docs/design.md §3, "Settings by owner"): task and data, model, loss and
/// its settings, metric, window, β and φ_max, reward, guards, device and event folder. It travels in every child's job and
/// is stored with it; the population size, the policy's settings and weights (<see cref="Coordination.PolicySettings"/>)
/// and the run's identity stay with the experiment. Properties are named, documented and defaulted as
/// <see cref="ExperimentOptions"/> names them; <see cref="From"/> is the only projection. Not validated here: the options
/// were validated at the boundary that accepted them (the CLI, then the experiment grain).
/// </summary>
public sealed record ChildSettings
{
    /// <summary>Data set.</summary>
    public TaskKind Task { get; init; } = TaskKind.FashionMnist;

    /// <summary>Folder with the data files; null = the task's default.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Child model.</summary>
    public ModelKind Model { get; init; } = ModelKind.Cnn;

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Loss mode: ALA or one of the baselines.</summary>
    public LossMode Loss { get; init; } = LossMode.Ala;

    /// <summary>Parametric loss family.</summary>
    public LossForm LossForm { get; init; } = LossForm.Pairwise;

    /// <summary>Metric the reward is computed from.</summary>
    public MetricKind Metric { get; init; } = MetricKind.Error;

    /// <summary>K: training iterations per controller step.</summary>
    public int Window { get; init; } = 200;

    /// <summary>β: size of one action on an off-diagonal Φ entry.</summary>
    public double Beta { get; init; } = 0.02;

    /// <summary>φ_max: off-diagonal Φ entries are clipped to [−φ_max, φ_max].</summary>
    public double PhiMax { get; init; } = 0.2;

    /// <summary>Reward form.</summary>
    public RewardKind Reward { get; init; } = RewardKind.Diff;

    /// <summary>Train on the first N training images only; null = all.</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Images per mini-batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Child optimiser (Adam) learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Size of the validation split.</summary>
    public int ValidationSize { get; init; } = 5000;

    /// <summary>H: controller steps of history in the state.</summary>
    public int HistoryLength { get; init; } = 10;

    /// <summary>S: validation evaluations per window.</summary>
    public int EvaluationsPerWindow { get; init; } = 4;

    /// <summary>γ: discount of the window metric, Eq. 4.</summary>
    public double Gamma { get; init; } = 0.9;

    /// <summary>Epochs of plain CE before the controller starts acting.</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>Collapse guard: validation error above this multiple of its best rolls the child back.</summary>
    public double CollapseFactor { get; init; } = 2.0;

    /// <summary>Collapse guard: a maximum |logit| above this rolls the child back.</summary>
    public double MaxLogit { get; init; } = 1e4;

    /// <summary>Keep only the images of the first K classes; null = all.</summary>
    public int? Classes { get; init; }

    /// <summary>Seed of every data transform (not of the child's initialisation: that is its job's seed).</summary>
    public int DataSeed { get; init; } = 1;

    /// <summary>How the validation split is carved.</summary>
    public ValidationSplitKind ValidationSplit { get; init; } = ValidationSplitKind.Auto;

    /// <summary>Imbalance ratio R ≥ 1 of a long-tailed training split; null = as it is.</summary>
    public double? Imbalance { get; init; }

    /// <summary>Which classes are the head and the tail of <see cref="Imbalance"/>.</summary>
    public string ImbalanceOrder { get; init; } = "natural";

    /// <summary>Label noise applied to the training split only; null = clean labels.</summary>
    public LabelNoise? LabelNoise { get; init; }

    /// <summary>ε of <see cref="LossMode.LabelSmoothing"/>.</summary>
    public double Smoothing { get; init; } = 0.1;

    /// <summary>γ of <see cref="LossMode.Focal"/>.</summary>
    public double FocalGamma { get; init; } = 2.0;

    /// <summary>β of <see cref="LossMode.ClassBalanced"/>.</summary>
    public double ClassBalanceBeta { get; init; } = 0.999;

    /// <summary>τ of <see cref="LossMode.LogitAdjusted"/> and of the post-hoc logit adjustment.</summary>
    public double Tau { get; init; } = 1.0;

    /// <summary>Φ_0, C rows of C entries; null = I.</summary>
    public double[][]? Phi { get; init; }

    /// <summary>How the policy's decisions on Φ are grouped: one per class pair, or one for all of them.</summary>
    public PhiGroupKind PhiGroups { get; init; } = PhiGroupKind.Pairs;

    /// <summary><see cref="ExperimentOptions.Credit"/>: whether the child reports a reward per class pair.</summary>
    public CreditKind Credit { get; init; } = CreditKind.Global;

    /// <summary><see cref="ExperimentOptions.Siblings"/>: branches per window, each with its own actions on the same batches.</summary>
    public int Siblings { get; init; } = 1;

    /// <summary><see cref="ExperimentOptions.Antithetic"/>: odd siblings mirror their even partner's actions.</summary>
    public bool Antithetic { get; init; }

    /// <summary>Per-class logit offsets δ moved by the policy beside Φ.</summary>
    public bool ClassOffsets { get; init; }

    /// <summary>Action size on a class offset δ_c.</summary>
    public double OffsetBeta { get; init; } = 0.1;

    /// <summary>Class offsets are clipped to [−δ_max, δ_max].</summary>
    public double OffsetMax { get; init; } = 3.0;

    /// <summary>Retrieval: the classes below N train the embedding; null = half of the classes.</summary>
    public int? TrainClasses { get; init; }

    /// <summary>Retrieval: D, the embedding's dimension.</summary>
    public int EmbeddingDim { get; init; } = 64;

    /// <summary>Retrieval: B, distance bins per polarity.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>Folder of the TensorBoard event files the child's silo writes; null = none.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>Device for the child: "cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The child's part of <paramref name="options"/>, every property copied under its own name.</summary>
    public static ChildSettings From(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new()
        {
            Task = options.Task, DataDirectory = options.DataDirectory, Model = options.Model, Epochs = options.Epochs,
            Loss = options.Loss, LossForm = options.LossForm, Metric = options.Metric, Window = options.Window,
            Beta = options.Beta, PhiMax = options.PhiMax, Reward = options.Reward, TrainLimit = options.TrainLimit,
            BatchSize = options.BatchSize, LearningRate = options.LearningRate, ValidationSize = options.ValidationSize,
            HistoryLength = options.HistoryLength, EvaluationsPerWindow = options.EvaluationsPerWindow, Gamma = options.Gamma,
            WarmupEpochs = options.WarmupEpochs, CollapseFactor = options.CollapseFactor, MaxLogit = options.MaxLogit,
            Classes = options.Classes, DataSeed = options.DataSeed, ValidationSplit = options.ValidationSplit,
            Imbalance = options.Imbalance, ImbalanceOrder = options.ImbalanceOrder, LabelNoise = options.LabelNoise,
            Smoothing = options.Smoothing, FocalGamma = options.FocalGamma, ClassBalanceBeta = options.ClassBalanceBeta,
            Tau = options.Tau, Phi = options.Phi, PhiGroups = options.PhiGroups, Credit = options.Credit, Siblings = options.Siblings, Antithetic = options.Antithetic, ClassOffsets = options.ClassOffsets, OffsetBeta = options.OffsetBeta,
            OffsetMax = options.OffsetMax, TrainClasses = options.TrainClasses, EmbeddingDim = options.EmbeddingDim, Bins = options.Bins,
            TensorBoardDirectory = options.TensorBoardDirectory, Device = options.Device,
        };
    }

    /// <summary>The noise spec with the task's default pairs filled in (pair-flip on Fashion-MNIST: 0-6, 2-4, 5-7); null when clean.</summary>
    public LabelNoise? ResolvedLabelNoise() =>
        LabelNoise is { Kind: LabelNoiseKind.PairFlip, Pairs.Count: 0 } noise && Task == TaskKind.FashionMnist
            ? noise.WithPairs(Data.LabelNoise.FashionMnistPairs)
            : LabelNoise;

    /// <summary>Retrieval: how many of <paramref name="classes"/> classes train the embedding (the first ones); the rest are tested.</summary>
    public int ResolvedTrainClasses(int classes) => TrainClasses ?? classes / 2;

    /// <summary>The validation carve this child uses: <see cref="ValidationSplitKind.Auto"/> resolved.</summary>
    public ValidationSplitKind ResolvedValidationSplit() => ValidationSplit != ValidationSplitKind.Auto
        ? ValidationSplit
        : Imbalance is not null || LabelNoise is not null ? ValidationSplitKind.Balanced : ValidationSplitKind.Tail;
}
