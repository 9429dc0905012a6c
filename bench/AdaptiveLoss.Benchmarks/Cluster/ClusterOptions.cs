using AdaptiveLoss.Benchmarks.Costs;

namespace AdaptiveLoss.Benchmarks.Cluster;

/// <summary>
/// <c>./bench.sh cluster</c>'s flags: a cluster of <see cref="Silos"/> <c>ala-silo</c> processes on one Redis, loaded by
/// <see cref="Experiments"/> concurrent <c>ala run --cluster</c> that share one policy, <see cref="Children"/> MLP
/// children each, on loopback (docs/cluster.md).
/// </summary>
internal sealed record ClusterOptions
{
    /// <summary>Silos in the cluster.</summary>
    public int Silos { get; init; } = 3;

    /// <summary>Concurrent experiments on the shared policy.</summary>
    public int Experiments { get; init; } = 4;

    /// <summary>Children per experiment (MLP).</summary>
    public int Children { get; init; } = 8;

    /// <summary>Training images per child (<c>--train-limit</c>).</summary>
    public int TrainLimit { get; init; } = 3000;

    /// <summary>Validation images (<c>--validation-size</c>).</summary>
    public int ValidationSize { get; init; } = 1000;

    /// <summary>Epochs per child.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Iterations per window (<c>--window</c>).</summary>
    public int Window { get; init; } = 5;

    /// <summary>How often the observer polls the coordinator and every experiment, in milliseconds.</summary>
    public int PollMilliseconds { get; init; } = 25;

    /// <summary>Tiny sizes for the tests: 2 silos, 2 experiments of 2 children.</summary>
    public bool Smoke { get; init; }

    /// <summary>A built ala.dll to run instead of the <c>./ala</c> launcher (the tests pass their Debug build); null: the launcher.</summary>
    public string? AlaDll { get; init; }

    /// <summary>A built ala-silo.dll to run instead of the <c>./ala-silo</c> launcher; null: the launcher.</summary>
    public string? SiloDll { get; init; }

    /// <summary>Where cluster.json goes.</summary>
    public string OutDirectory { get; init; } = string.Empty;

    /// <summary>Total children.</summary>
    public int TotalChildren => Experiments * Children;

    /// <summary>The suite's flags; throws <see cref="ArgumentException"/> naming a bad one.</summary>
    public static ClusterOptions Parse(IReadOnlyList<string> args)
    {
        var flags = new FlagReader(args);
        var smoke = flags.Switch("smoke");
        var d = smoke ? new ClusterOptions { Silos = 2, Experiments = 2, Children = 2, TrainLimit = 1200, ValidationSize = 200, Epochs = 1, Window = 4 } : new ClusterOptions();
        var options = new ClusterOptions
        {
            Smoke = smoke,
            Silos = flags.Int("silos", d.Silos),
            Experiments = flags.Int("experiments", d.Experiments),
            Children = flags.Int("children", d.Children),
            TrainLimit = flags.Int("train-limit", d.TrainLimit),
            ValidationSize = flags.Int("validation-size", d.ValidationSize),
            Epochs = flags.Int("epochs", d.Epochs),
            Window = flags.Int("window", d.Window),
            PollMilliseconds = flags.Int("poll-ms", d.PollMilliseconds),
            AlaDll = flags.String("ala-dll", string.Empty) is { Length: > 0 } ala ? Path.GetFullPath(ala) : null,
            SiloDll = flags.String("silo-dll", string.Empty) is { Length: > 0 } silo ? Path.GetFullPath(silo) : null,
            OutDirectory = Path.GetFullPath(flags.String("out", ResultsFolder.Default(smoke))),
        };
        flags.ThrowOnUnknown("cluster");
        if (options.Silos > 16 || options.Experiments > 16 || options.Children > 64)
        {
            throw new ArgumentException("--silos and --experiments must be at most 16, --children at most 64");
        }

        return new[] { options.AlaDll, options.SiloDll }.FirstOrDefault(f => f is not null && !File.Exists(f)) is { } missing
            ? throw new ArgumentException($"{missing}: no such file")
            : options;
    }
}
