using System.Diagnostics;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// <c>./bench.sh costs</c>: (a) bare loop versus grains throughput, (b) coordinator decide/update latency against a
/// window's time, (c) coordinator scale with simulated children, (d) the policy's arithmetic before and after batching,
/// (e) the children's CPU before/after the child tuning, (f) memory with children queued for the slots; writes costs.json
/// (docs/evidence.md).
/// </summary>
internal static class CostsSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "costs";

    /// <summary>The flags after the name, for the dispatcher's help.</summary>
    public const string Usage =
        "[--smoke] [--children 2] [--train-limit 20000] [--epochs 1] [--window 200] [--seed 1] [--validation-size 5000] "
        + "[--batch-size 128] [--repeats 2] [--no-warmup] [--decide-calls 2000] [--update-rounds 500] [--update-children 4] "
        + "[--scale-children 1,10,100,1000,10000] [--scale-rounds 20] [--scale-rounds-large 5] [--data DIR] [--out DIR]   "
        + "bare loop vs grains throughput, coordinator latency and scale (costs.json)";

    /// <summary>Flags that take a value (besides the dispatcher's --out).</summary>
    public static readonly string[] ValueFlags =
    [
        "--children", "--train-limit", "--epochs", "--window", "--seed", "--validation-size", "--batch-size", "--repeats",
        "--decide-calls", "--update-rounds", "--update-children", "--scale-children", "--scale-rounds", "--scale-rounds-large", "--data",
    ];

    /// <summary>Flags without a value.</summary>
    public static readonly string[] Switches = ["--smoke", "--no-warmup"];

    /// <summary>The dispatcher's registration (Program.cs).</summary>
    public static IBenchSuite Create() =>
        new FlagSuite(Name, Usage, ValueFlags, Switches, args => CostsOptions.Parse(args), RunAsync);

    /// <summary>Runs the suite; returns the process exit code (2 for bad flags).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        CostsOptions costs;
        try
        {
            costs = CostsOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"bench costs: {ex.Message}");
            return 2;
        }

        var result = await MeasureAsync(costs.WithData(), output, cancellationToken);
        BenchJson.Write(costs.OutPath, result);
        output.WriteLine($"costs: throughput grains/bare {result.Throughput.Ratio:F3} (target ≥ {ThroughputResult.TargetRatio}), "
            + $"decide {result.Latency.DecidePercentOfWindow:F4} % of a window (target ≤ {LatencyResult.TargetDecidePercent} %); wrote {costs.OutPath}");
        return 0;
    }

    /// <summary>Parts (a), (b) and (c) in order; (b) uses (a)'s per-child img/s for the window time.</summary>
    public static async Task<CostsResult> MeasureAsync(CostsOptions costs, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        log.WriteLine($"costs: {costs.Children} CNN children, train limit {costs.TrainLimit:N0}, {costs.Epochs} epoch(s), window {costs.Window}, "
            + $"{costs.Repeats} bare/grains pair(s){(costs.Smoke ? ", smoke" : string.Empty)}");
        var throughput = await ThroughputBench.RunAsync(costs, log, cancellationToken);
        var childImagesPerSecond = throughput.GrainsChildrenImagesPerSecond / costs.Children;
        LatencyResult latency;
        IReadOnlyList<ScaleRow> scale;
        await using (var silo = await EmbeddedSilo.StartAsync(cancellationToken))
        {
            latency = await LatencyBench.RunAsync(silo, costs, childImagesPerSecond, "median of part (a)'s grains runs, the children's own training img/s", log);
        }

        // The scale rows measure the coordinator's compute. Stored, each report also rewrites the coordinator's record,
        // which grows with the children (a stub per pending transition) and the reward log (docs/durability.md).
        await using (var silo = await EmbeddedSilo.StartAsync(cancellationToken, persistent: false))
        {
            scale = await ScaleBench.RunAsync(silo, costs, log);
        }

        var arithmetic = ArithmeticBench.Run(costs, log);
        // Parts (e) and (f) run each arm in a process of its own (ChildrenArm): the allocator settings are per process.
        var tuning = ChildrenBench.Tuning(costs, log);
        var memory = ChildrenBench.Memory(costs, log);
        var machine = MachineInfo.Current();
        var document = CostsDocument.Build(costs, machine, throughput, latency, scale, arithmetic);
        var tables = (document.Tables ?? []).Concat([ChildrenDocument.Tuning(tuning), ChildrenDocument.Memory(memory)]).ToArray();
        return new CostsResult(document.Title, document.Description, tables, document.Notes, Name, costs.Smoke,
            DateTimeOffset.UtcNow, machine, TorchThreads.For(costs.Children, Environment.ProcessorCount), costs, throughput, latency,
            scale, clock.Elapsed.TotalSeconds, arithmetic, document.Figures, tuning, memory);
    }
}
