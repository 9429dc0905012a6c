using AdaptiveLoss.Core.Options;
using AdaptiveLoss.ServiceDefaults;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>
/// Every flag of <c>ala run</c> (docs/design.md §4): one per <see cref="ExperimentOptions"/> property plus the CLI's own.
/// The parser, <c>ala run --help</c> and the option table of docs/cli.md all come from this list.
/// </summary>
internal static class RunOptionTable
{
    private static readonly ExperimentOptions D = new();

    public static IReadOnlyList<OptionSpec> All { get; } =
    [
        // --task is applied before --metric (table order): retrieval's default metric is recall@1, and an explicit --metric still wins.
        Choice("--task", nameof(ExperimentOptions.Task), "data set; retrieval = metric learning on --data of any of the formats "
            + "(docs/retrieval.md), its metric recall@1 unless --metric says otherwise", D.Task,
            (o, v) => o with { Task = v, Metric = v == TaskKind.Retrieval && o.Metric == MetricKind.Error ? MetricKind.Recall1 : o.Metric }),
        new("--data", "DIR", "folder with the four MNIST-format IDX files (.gz or not) or the CIFAR-10 .bin files (retrieval reads either, found from the files)",
            "fashion-mnist and retrieval: /usr/share/datasets/fashion-mnist", (a, v) => a.With(o => o with { DataDirectory = ValueParser.Path("--data", v) }), Setting: nameof(ExperimentOptions.DataDirectory)),
        Choice("--model", nameof(ExperimentOptions.Model), "child model", D.Model, (o, v) => o with { Model = v }),
        Int("--children", nameof(ExperimentOptions.Children), "N", "child models trained in parallel, sharing one policy", D.Children, (o, v) => o with { Children = v }),
        Int("--epochs", nameof(ExperimentOptions.Epochs), "E", "training epochs per child", D.Epochs, (o, v) => o with { Epochs = v }),
        Choice("--loss", nameof(ExperimentOptions.Loss), "ala = adaptive Φ; ce = cross-entropy; fixed = parametric form with Φ fixed at I or --phi "
            + "(retrieval: the margin loss, every bin weight 1); the static baselines "
            + "label-smoothing (--smoothing), focal (--focal-gamma), class-balanced (--cb-beta), logit-adjusted (--tau) and forward "
            + "(forward correction with the true noise matrix of --label-noise: an oracle)", D.Loss, (o, v) => o with { Loss = v }),
        Choice("--loss-form", nameof(ExperimentOptions.LossForm), "parametric loss family l_Φ (docs/design.md §1.1)", D.LossForm, (o, v) => o with { LossForm = v }),
        Choice("--metric", nameof(ExperimentOptions.Metric), "validation metric the reward is computed from: error, f1, aucpr, balanced-error for classification; "
            + "recall@K, nmi, aucpr (pair verification) for retrieval", D.Metric, (o, v) => o with { Metric = v }),
        Int("--window", nameof(ExperimentOptions.Window), "K", "training iterations per controller step", D.Window, (o, v) => o with { Window = v }),
        Real("--beta", nameof(ExperimentOptions.Beta), "B", "action size β on an off-diagonal Φ entry (retrieval: on a bin weight)", D.Beta, (o, v) => o with { Beta = v }),
        Real("--phi-max", nameof(ExperimentOptions.PhiMax), "X", "off-diagonal Φ entries are clipped to [−X, X] (retrieval: bin weights to [max(0, 1 − X), 1 + X])", D.PhiMax, (o, v) => o with { PhiMax = v }),
        Choice("--phi-groups", nameof(ExperimentOptions.PhiGroups), "the policy's decisions on Φ: pairs = one per class pair (the paper); "
            + "all = one that moves every off-diagonal entry at once (docs/mismatch.md)", D.PhiGroups, (o, v) => o with { PhiGroups = v }),
        Choice("--credit", nameof(ExperimentOptions.Credit), "how a window's reward reaches the decisions: global = one reward for all (the paper); "
            + "pair = each class pair its own difference reward, the drop of its share of the metric (docs/credit.md)", D.Credit, (o, v) => o with { Credit = v }),
        Int("--siblings", nameof(ExperimentOptions.Siblings), "S", "sibling rounds: every window runs as S branches of the child's state on the same batches, "
            + "each with its own actions, compared with each other; the child continues from the best by validation (docs/credit.md)", D.Siblings, (o, v) => o with { Siblings = v }),
        new("--antithetic", null, "with --siblings: sibling 2k + 1 takes the mirror of sibling 2k's actions (−β for +β)", "off",
            (a, _) => a.With(o => o with { Antithetic = true }), Setting: nameof(ExperimentOptions.Antithetic)),
        Choice("--reward", nameof(ExperimentOptions.Reward), "diff = improvement in percentage points; sign = its sign (paper Eq. 5)", D.Reward, (o, v) => o with { Reward = v }),
        Choice("--baseline", nameof(ExperimentOptions.Baseline), "REINFORCE baseline: mean reward of the round, or an EMA of past rewards", D.Baseline, (o, v) => o with { Baseline = v }),
        new("--preset", "paper", "the re-implementation's settings: sigmoid, β 0.1, sign, ema, φ_max 1; explicit flags override them", "none",
            (a, v) => a.With(o => ValueParser.OneOf("--preset", v, "paper") == "paper" ? o.WithPaperPreset() : o), AppliesFirst: true),
        new("--policy", "ID[@V]|FILE", "start the policy from a snapshot: ID@V or ID (latest) in the state folder, or a .json snapshot file; "
            + "its hidden width replaces --policy-hidden", "random init", (a, v) => a with { Policy = ValueParser.NonEmpty("--policy", v) }, Setting: nameof(ExperimentOptions.InitialPolicy)),
        new("--freeze-policy", null, "keep the policy at its initial (or --policy) weights while Φ still moves (the learning control; transfer evaluation)", "off",
            (a, _) => a.With(o => o with { FreezePolicy = true }), Setting: nameof(ExperimentOptions.FreezePolicy)),
        Int("--seed", nameof(ExperimentOptions.Seed), "S", "experiment seed; child i uses S + i", D.Seed, (o, v) => o with { Seed = v }),
        Int("--data-seed", nameof(ExperimentOptions.DataSeed), "S", "seed of the data transforms (which images a long tail keeps, which labels flip)", D.DataSeed, (o, v) => o with { DataSeed = v }),
        Choice("--validation-split", nameof(ExperimentOptions.ValidationSplit), "validation carved from the end of the training file: tail = the last N images; balanced = the last N/C of "
            + "every class; auto = balanced when --imbalance or --label-noise is given", D.ValidationSplit, (o, v) => o with { ValidationSplit = v }),
        new("--imbalance", "R", "long-tailed training split (Cao et al. 2019): the class of rank r keeps ⌊n_max·R^(−r/(C−1))⌋ images", "off",
            (a, v) => a.With(o => o with { Imbalance = ValueParser.Double("--imbalance", v) }), Setting: nameof(ExperimentOptions.Imbalance)),
        new("--imbalance-order", "ORDER", "head to tail: natural (class 0 first), reverse, random (from --data-seed) or a list 3,1,0,…", D.ImbalanceOrder,
            (a, v) => a.With(o => o with { ImbalanceOrder = ValueParser.NonEmpty("--imbalance-order", v) }), Setting: nameof(ExperimentOptions.ImbalanceOrder)),
        new("--label-noise", "pairflip:ETA[:a-b,…]|symmetric:ETA", "flip each training label with probability ETA: to its partner (default "
            + "pairs on fashion-mnist 0-6,2-4,5-7) or to a uniformly drawn other class; validation and test stay clean", "off",
            (a, v) => a.With(o => o with { LabelNoise = ValueParser.LabelNoise("--label-noise", v) }), Setting: nameof(ExperimentOptions.LabelNoise)),
        Real("--smoothing", nameof(ExperimentOptions.Smoothing), "EPS", "ε of --loss label-smoothing", D.Smoothing, (o, v) => o with { Smoothing = v }),
        Real("--focal-gamma", nameof(ExperimentOptions.FocalGamma), "G", "γ of --loss focal", D.FocalGamma, (o, v) => o with { FocalGamma = v }),
        Real("--cb-beta", nameof(ExperimentOptions.ClassBalanceBeta), "B", "β of --loss class-balanced (effective number of samples, Cui et al. 2019)", D.ClassBalanceBeta, (o, v) => o with { ClassBalanceBeta = v }),
        Real("--tau", nameof(ExperimentOptions.Tau), "T", "τ of --loss logit-adjusted and of the post-hoc logit adjustment every run reports", D.Tau, (o, v) => o with { Tau = v }),
        new("--class-offsets", null, "also let the policy move a per-class logit offset δ (the children train on l_Φ(z + δ, y)); "
            + "a departure from the paper that can express logit adjustment", "off", (a, _) => a.With(o => o with { ClassOffsets = true }), Setting: nameof(ExperimentOptions.ClassOffsets)),
        Real("--offset-beta", nameof(ExperimentOptions.OffsetBeta), "B", "action size on a class offset δ_c", D.OffsetBeta, (o, v) => o with { OffsetBeta = v }),
        Real("--offset-max", nameof(ExperimentOptions.OffsetMax), "X", "class offsets are clipped to [−X, X]", D.OffsetMax, (o, v) => o with { OffsetMax = v }),
        new("--phi", "FILE", "start Φ from a JSON file of C rows (or {\"phi\": rows}): diagonal 1, symmetric; with --loss fixed it stays there", "I",
            (a, v) => a.With(o => o with { Phi = ValueParser.PhiFile("--phi", v) }), Setting: nameof(ExperimentOptions.Phi)),
        new("--classes", "K", "keep only the images of the first K classes (2-10) in every split", "all",
            (a, v) => a.With(o => o with { Classes = ValueParser.Int("--classes", v) }), Setting: nameof(ExperimentOptions.Classes)),
        new("--train-classes", "N", "retrieval: train on the first N classes, test retrieval on the others (2..C−2)", "half the classes",
            (a, v) => a.With(o => o with { TrainClasses = ValueParser.Int("--train-classes", v) }), Setting: nameof(ExperimentOptions.TrainClasses)),
        Int("--embedding-dim", nameof(ExperimentOptions.EmbeddingDim), "D", "retrieval: dimension of the L2-normalised embedding", D.EmbeddingDim, (o, v) => o with { EmbeddingDim = v }),
        Int("--bins", nameof(ExperimentOptions.Bins), "B", "retrieval: distance bins over [0, 2]; Φ = a weight per bin for positive and for negative pairs (2B groups)", D.Bins,
            (o, v) => o with { Bins = v }),
        new("--out", "DIR", "folder for results.json, history.json and the plots", "runs/<experimentId>", (a, v) => a with { OutDirectory = ValueParser.Path("--out", v) }),
        new("--force", null, "overwrite a results.json already in --out (without it such a run is refused before it starts)", "off",
            (a, _) => a with { Force = true }),
        new("--train-limit", "N", "train on the first N training images only", "all",
            (a, v) => a.With(o => o with { TrainLimit = ValueParser.Int("--train-limit", v) }), Setting: nameof(ExperimentOptions.TrainLimit)),
        new("--cluster", "CONN", "submit to a running cluster: localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT (Redis over TLS)", "embedded silo",
            (a, v) => a with { Cluster = v }),
        new("--tls-cert", "FILE", "this client's certificate for a cluster with mutual TLS: PEM (key inside or in --tls-key) or .pfx (see docs/deploy.md)", "no TLS",
            (a, v) => a with { Credentials = a.Credentials with { TlsCertificate = ValueParser.Path("--tls-cert", v) } }),
        new("--tls-key", "FILE", "the PEM private key of --tls-cert, when it is a separate file", "in --tls-cert",
            (a, v) => a with { Credentials = a.Credentials with { TlsKey = ValueParser.Path("--tls-key", v) } }),
        new("--tls-ca", "FILE", "the CA (PEM) the silos' certificates must chain to; required with --tls-cert", "none",
            (a, v) => a with { Credentials = a.Credentials with { TlsAuthority = ValueParser.Path("--tls-ca", v) } }),
        new("--redis-password-file", "FILE", "file holding the password of the cluster's Redis (never a flag's value)", "$ALA_REDIS_PASSWORD",
            (a, v) => a with { Credentials = a.Credentials with { RedisPasswordFile = ValueParser.Path("--redis-password-file", v) } }),
        Int("--batch-size", nameof(ExperimentOptions.BatchSize), "N", "images per mini-batch", D.BatchSize, (o, v) => o with { BatchSize = v }),
        Real("--lr", nameof(ExperimentOptions.LearningRate), "X", "child optimiser (Adam) learning rate", D.LearningRate, (o, v) => o with { LearningRate = v }),
        Int("--validation-size", nameof(ExperimentOptions.ValidationSize), "N", "validation images carved from the end of the training set", D.ValidationSize, (o, v) => o with { ValidationSize = v }),
        Int("--history", nameof(ExperimentOptions.HistoryLength), "H", "controller steps of (C_ij, C_ji) history in the state", D.HistoryLength, (o, v) => o with { HistoryLength = v }),
        Int("--evals-per-window", nameof(ExperimentOptions.EvaluationsPerWindow), "S", "validation evaluations per window (discounted mean, Eq. 4)", D.EvaluationsPerWindow, (o, v) => o with { EvaluationsPerWindow = v }),
        Real("--gamma", nameof(ExperimentOptions.Gamma), "X", "discount γ of the window metric", D.Gamma, (o, v) => o with { Gamma = v }),
        Int("--policy-hidden", nameof(ExperimentOptions.PolicyHidden), "N", "width of the policy's two hidden layers", D.PolicyHidden, (o, v) => o with { PolicyHidden = v }),
        Real("--policy-lr", nameof(ExperimentOptions.PolicyLearningRate), "X", "policy (Adam) learning rate", D.PolicyLearningRate, (o, v) => o with { PolicyLearningRate = v }),
        Int("--replay-capacity", nameof(ExperimentOptions.ReplayCapacity), "N", "replay memory capacity in transitions", D.ReplayCapacity, (o, v) => o with { ReplayCapacity = v }),
        Int("--replay-sample", nameof(ExperimentOptions.ReplaySample), "N", "replayed transitions added to each policy update", D.ReplaySample, (o, v) => o with { ReplaySample = v }),
        Real("--ema-decay", nameof(ExperimentOptions.EmaDecay), "X", "decay of the ema baseline", D.EmaDecay, (o, v) => o with { EmaDecay = v }),
        Real("--round-timeout", nameof(ExperimentOptions.RoundTimeoutSeconds), "SECONDS", "a policy round closes after this long even if a child has not reported", D.RoundTimeoutSeconds, (o, v) => o with { RoundTimeoutSeconds = v }),
        Int("--warmup-epochs", nameof(ExperimentOptions.WarmupEpochs), "E", "epochs of plain CE before the controller acts", D.WarmupEpochs, (o, v) => o with { WarmupEpochs = v }),
        Real("--collapse-factor", nameof(ExperimentOptions.CollapseFactor), "X", "guard: validation error above X × its best rolls the child back", D.CollapseFactor, (o, v) => o with { CollapseFactor = v }),
        Real("--max-logit", nameof(ExperimentOptions.MaxLogit), "X", "guard: a maximum |logit| above X rolls the child back", D.MaxLogit, (o, v) => o with { MaxLogit = v }),
        new("--device", "cpu|cuda", "device of the children (cuda needs the -p:TorchBackend=cuda build)", D.Device,
            (a, v) => a.With(o => o with { Device = ValueParser.OneOf("--device", v, "cpu", "cuda") }), Setting: nameof(ExperimentOptions.Device)),
        new("--share-policy", "ID", "learn one policy together with every experiment on the same silo that names ID (its children join one coordinator; "
            + "snapshots are saved under ID); needs the same policy settings", "the experiment id (not shared)",
            (a, v) => a.With(o => o with { PolicyId = ValueParser.Id("--share-policy", v) }), Setting: nameof(ExperimentOptions.PolicyId)),
        new("--state", "DIR", "state folder: grain state, checkpoints, policy snapshots (DIR/policies/<policyId>/<version>.json) and what ala resume needs (see docs/durability.md)", "state",
            (a, v) => a with { StateDirectory = ValueParser.Path("--state", v) }),
        Int("--snapshot-every", nameof(ExperimentOptions.SnapshotEvery), "N", "a learning policy saves a snapshot every N updates and at the end of the run", D.SnapshotEvery,
            (o, v) => o with { SnapshotEvery = v }),
        new("--experiment-id", "ID", "experiment id (names the grains and the default out folder)", "yyyyMMdd-HHmmss-xxxx",
            (a, v) => a with { ExperimentId = ValueParser.Id("--experiment-id", v) }),
        new("--telemetry", "none|console|otlp", "export traces and metrics: console = on stdout; otlp = to OTEL_EXPORTER_OTLP_ENDPOINT (see docs/telemetry.md)",
            $"otlp if {TelemetryExporters.EndpointVariable} is set, else none", (a, v) => a with { Telemetry = ValueParser.Telemetry("--telemetry", v) }),
        new("--tensorboard", "DIR", "also write TensorBoard event files (per child: loss, validation, reward, Φ norm) under DIR/<experimentId>",
            "off", (a, v) => a with { TensorBoardDirectory = ValueParser.Path("--tensorboard", v) }),
        new("--progress", "auto|bars|lines", "bars = one bar per child redrawn in place; lines = one line per window; auto = bars on a terminal",
            "auto", (a, v) => a with { Progress = ValueParser.ProgressMode("--progress", v) }),
        new("--help", null, "show this help", "", (a, _) => a with { Help = true }),
    ];

    /// <summary>
    /// The flag of an <see cref="ExperimentOptions"/> setting, so that Core's errors (which name settings, e.g. <c>Beta</c>)
    /// reach the user in the flags they typed (<c>--beta</c>); a setting without a flag keeps its name.
    /// </summary>
    public static string FlagOf(string setting) => All.FirstOrDefault(s => s.Setting == setting)?.Name ?? setting;

    /// <summary>Core's <paramref name="error"/> as one line in flag names.</summary>
    public static string Describe(ValidationError error) => error.Describe(FlagOf);

    /// <summary>The specs of <paramref name="names"/>: the flags another command shares with <c>ala run</c>, parsed alike.</summary>
    public static IReadOnlyList<OptionSpec> Named(params string[] names) =>
        names.Select(n => All.SingleOrDefault(s => s.Name == n) ?? throw new ArgumentException($"no flag {n} in the run table", nameof(names))).ToList();

    private static OptionSpec Int(string name, string setting, string valueName, string help, int @default, Func<ExperimentOptions, int, ExperimentOptions> set) =>
        new(name, valueName, help, @default.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (a, v) => a.With(o => set(o, ValueParser.Int(name, v))), Setting: setting);

    private static OptionSpec Real(string name, string setting, string valueName, string help, double @default, Func<ExperimentOptions, double, ExperimentOptions> set) =>
        new(name, valueName, help, ValueParser.Format(@default), (a, v) => a.With(o => set(o, ValueParser.Double(name, v))), Setting: setting);

    private static OptionSpec Choice<T>(string name, string setting, string help, T @default, Func<ExperimentOptions, T, ExperimentOptions> set)
        where T : struct, Enum =>
        new(name, CliNames.Choices<T>(), help, CliNames.NameOf(@default), (a, v) => a.With(o => set(o, ValueParser.Choice<T>(name, v))), Setting: setting);
}
