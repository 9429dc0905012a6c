using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>Every parameter of the costs suite (docs/evidence.md); each is a flag, recorded in costs.json.</summary>
internal sealed record CostsOptions
{
    /// <summary>Test images of the smoke run's cut of the data.</summary>
    private const int SmokeTestItems = 256;

    /// <summary>Children trained at once in part (a).</summary>
    public int Children { get; init; } = 2;

    /// <summary>Training images per child in part (a).</summary>
    public int TrainLimit { get; init; } = 20_000;

    /// <summary>Epochs per child in part (a).</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Iterations per controller window (parts a and b).</summary>
    public int Window { get; init; } = 200;

    /// <summary>Experiment seed; child i uses Seed + i.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Validation images carved from the training file.</summary>
    public int ValidationSize { get; init; } = 5000;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Bare/grains pairs of part (a), run alternately.</summary>
    public int Repeats { get; init; } = 2;

    /// <summary>Run an untimed tiny bare and grains training first (JIT, torch and Orleans start-up).</summary>
    public bool Warmup { get; init; } = true;

    /// <summary>Timed DecideAsync calls of part (b).</summary>
    public int DecideCalls { get; init; } = 2000;

    /// <summary>Timed rounds of part (b), each closed by the last child's ReportAsync.</summary>
    public int UpdateRounds { get; init; } = 500;

    /// <summary>Children per round in part (b).</summary>
    public int UpdateChildren { get; init; } = 4;

    /// <summary>Children per coordinator in part (c).</summary>
    public int[] ScaleChildren { get; init; } = [1, 10, 100, 1000, 10000];

    /// <summary>Timed rounds per child count in part (c).</summary>
    public int ScaleRounds { get; init; } = 20;

    /// <summary>Timed rounds in part (c) for 1,000 children and more.</summary>
    public int ScaleRoundsLarge { get; init; } = 5;

    /// <summary>Data folder (default: the Fashion-MNIST package's; smoke: a cut of it in the temporary folder).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The folder costs.json goes to (default bench/results, with --smoke bench/smoke, under the repository root).</summary>
    public string OutDirectory { get; init; } = string.Empty;

    /// <summary>The file written.</summary>
    public string OutPath => Path.Combine(OutDirectory, "costs.json");

    /// <summary>Tiny sizes for CI.</summary>
    public bool Smoke { get; init; }

    /// <summary>The experiment both modes of part (a) train: CNN, ALA with the defaults, one shared policy.</summary>
    public ExperimentOptions Experiment(int? trainLimit = null, int? window = null) => new()
    {
        Task = TaskKind.FashionMnist,
        DataDirectory = DataDirectory,
        Model = ModelKind.Cnn,
        Children = Children,
        Epochs = Epochs,
        Window = window ?? Window,
        // S ≤ K (OptionLimits): the smoke's windows of 2 iterations take as many measurements as they have iterations.
        EvaluationsPerWindow = Math.Min(new ExperimentOptions().EvaluationsPerWindow, window ?? Window),
        Seed = Seed,
        TrainLimit = trainLimit ?? TrainLimit,
        ValidationSize = ValidationSize,
        BatchSize = BatchSize,
    };

    /// <summary>Reads the flags; <c>--smoke</c> first sets tiny sizes that explicit flags still override.</summary>
    public static CostsOptions Parse(IReadOnlyList<string> args)
    {
        var flags = new FlagReader(args);
        var smoke = flags.Switch("smoke");
        var d = smoke ? SmokeDefaults : new CostsOptions();
        var options = new CostsOptions
        {
            Smoke = smoke,
            Children = flags.Int("children", d.Children),
            TrainLimit = flags.Int("train-limit", d.TrainLimit),
            Epochs = flags.Int("epochs", d.Epochs),
            Window = flags.Int("window", d.Window),
            Seed = flags.Int("seed", d.Seed, minimum: 0),
            ValidationSize = flags.Int("validation-size", d.ValidationSize),
            BatchSize = flags.Int("batch-size", d.BatchSize),
            Repeats = flags.Int("repeats", d.Repeats),
            Warmup = !flags.Switch("no-warmup") && d.Warmup,
            DecideCalls = flags.Int("decide-calls", d.DecideCalls),
            UpdateRounds = flags.Int("update-rounds", d.UpdateRounds),
            UpdateChildren = flags.Int("update-children", d.UpdateChildren),
            ScaleChildren = flags.Ints("scale-children", d.ScaleChildren),
            ScaleRounds = flags.Int("scale-rounds", d.ScaleRounds),
            ScaleRoundsLarge = flags.Int("scale-rounds-large", d.ScaleRoundsLarge),
            DataDirectory = flags.String("data", string.Empty) is { Length: > 0 } data ? data : null,
            OutDirectory = Path.GetFullPath(flags.String("out", ResultsFolder.Default(smoke))),
        };
        flags.ThrowOnUnknown("costs");
        return options.Experiment().Validate() is [var first, ..] ? throw new ArgumentException(first.ToString()) : options;
    }

    /// <summary>
    /// The options with their data folder resolved: in smoke mode without <c>--data</c>, a cut of Fashion-MNIST (so that
    /// each child's single test evaluation is a few hundred images, not 10,000), written once to the temporary folder.
    /// </summary>
    public CostsOptions WithData() =>
        Smoke && DataDirectory is null
            ? this with { DataDirectory = SmokeData.Prepare(DataCatalog.FashionMnistDirectory, TrainLimit + ValidationSize, SmokeTestItems) }
            : this;

    /// <summary>Each part well under a minute on 2 loaded cores.</summary>
    private static CostsOptions SmokeDefaults => new()
    {
        TrainLimit = 512,
        ValidationSize = 256,
        Window = 2,
        Repeats = 1,
        Warmup = false,
        DecideCalls = 50,
        UpdateRounds = 10,
        ScaleChildren = [1, 10, 100],
        ScaleRounds = 3,
        ScaleRoundsLarge = 2,
    };
}
