using AdaptiveLoss.Benchmarks.Costs;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>Every parameter of the peer suite (docs/evidence.md); each is a flag, recorded in peer.json.</summary>
internal sealed record PeerOptions
{
    /// <summary>Timed mini-batches per run.</summary>
    public int Batches { get; init; } = 300;

    /// <summary>Untimed mini-batches before them.</summary>
    public int WarmupBatches { get; init; } = 20;

    /// <summary>torch intra-op thread counts to compare at (one training loop each).</summary>
    public int[] Threads { get; init; } = [1, 2];

    /// <summary>TorchSharp/PyTorch pairs per thread count, run alternately.</summary>
    public int Repeats { get; init; } = 2;

    /// <summary>Images per mini-batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Validation images carved from the end of the training file (not trained on), as in the children.</summary>
    public int ValidationSize { get; init; } = 5000;

    /// <summary>Seed of initialisation and batch order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Fashion-MNIST folder.</summary>
    public string DataDirectory { get; init; } = "/usr/share/datasets/fashion-mnist";

    /// <summary>Debian's interpreter, which sees python3-torch (a pyenv python3 on PATH may not).</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>The PyTorch script; null = Peer/pytorch_cnn.py next to the binary or in the source tree.</summary>
    public string? Script { get; init; }

    /// <summary>Install python3-torch with apt-get when it is missing (off in smoke: CI then skips PyTorch).</summary>
    public bool Install { get; init; } = true;

    /// <summary>The folder peer.json goes to (default bench/results, with --smoke bench/smoke, under the repository root).</summary>
    public string OutDirectory { get; init; } = string.Empty;

    /// <summary>The file written.</summary>
    public string OutPath => Path.Combine(OutDirectory, "peer.json");

    /// <summary>Tiny sizes for CI.</summary>
    public bool Smoke { get; init; }

    /// <summary>Reads the flags; <c>--smoke</c> first sets tiny sizes that explicit flags still override.</summary>
    public static PeerOptions Parse(IReadOnlyList<string> args)
    {
        var flags = new FlagReader(args);
        var smoke = flags.Switch("smoke");
        var d = smoke ? new PeerOptions { Batches = 5, WarmupBatches = 1, Repeats = 1, Install = false } : new PeerOptions();
        var options = new PeerOptions
        {
            Smoke = smoke,
            Batches = flags.Int("batches", d.Batches),
            WarmupBatches = flags.Int("warmup", d.WarmupBatches, minimum: 0),
            Threads = flags.Ints("threads", d.Threads),
            Repeats = flags.Int("repeats", d.Repeats),
            BatchSize = flags.Int("batch-size", d.BatchSize),
            LearningRate = flags.Double("lr", d.LearningRate),
            ValidationSize = flags.Int("validation-size", d.ValidationSize),
            Seed = flags.Int("seed", d.Seed, minimum: 0),
            DataDirectory = flags.String("data", d.DataDirectory),
            Python = flags.String("python", d.Python),
            Script = flags.String("script", string.Empty) is { Length: > 0 } script ? script : null,
            Install = flags.Switch("install") || (!flags.Switch("no-install") && d.Install),
            OutDirectory = Path.GetFullPath(flags.String("out", ResultsFolder.Default(smoke))),
        };
        flags.ThrowOnUnknown("peer");
        return options;
    }
}
