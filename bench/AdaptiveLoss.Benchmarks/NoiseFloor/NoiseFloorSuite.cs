using System.Diagnostics;
using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary><c>./bench.sh noise-floor</c>: how much of a reward difference is noise, and how large one action's effect is (docs/noise-floor.md).</summary>
internal static class NoiseFloorSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "noise-floor";

    /// <summary>The flags after the name, for the dispatcher's help.</summary>
    public const string Usage = "[--smoke] [--states 8] [--warm 5] [--repeats 4] [--betas 0.02,0.2] [--pair 0-6] [--horizon 1] [--all-pairs] "
        + "[--noise pairflip:0.4] [--window 200] [--data DIR]   reward noise floor σ and the effect δ of ±β on one pair (or all), per credit "
        + "design and horizon (noise-floor.json; noise-floor-horizon.json with --horizon > 1 or --all-pairs)";

    /// <summary>The dispatcher's registration (Program.cs).</summary>
    public static IBenchSuite Create() => new FlagSuite(Name, Usage,
        ["--states", "--warm", "--repeats", "--betas", "--pair", "--horizon", "--noise", "--window", "--data"], ["--smoke", "--all-pairs"],
        args => NoiseFloorOptions.Parse(args), RunAsync);

    /// <summary>Runs the suite; returns the process exit code (2 for bad flags).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        NoiseFloorOptions o;
        try
        {
            o = NoiseFloorOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"bench noise-floor: {ex.Message}");
            return Task.FromResult(2);
        }

        var clock = Stopwatch.StartNew();
        // One child trains at a time here: it gets every core, as a lone child on a silo would.
        TorchThreads.Configure(1);
        var data = DataCatalog.Load(o.Experiment.ChildSettings());
        var states = new List<NoiseFloorState>();
        for (var seed = 1; seed <= o.States; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            states.AddRange(NoiseFloorProbe.Measure(o, data, seed));
            output.WriteLine($"noise-floor: state {seed}/{o.States} measured ({clock.Elapsed.TotalSeconds:0} s)");
        }

        var designs = NoiseFloorAnalysis.Analyse(states);
        var machine = MachineInfo.Current();
        var (title, description, table, notes) = NoiseFloorDocument.Build(o, machine, designs);
        var result = new NoiseFloorResult(title, description, [table], notes, o.Smoke, DateTimeOffset.UtcNow, machine,
            $"fashion-mnist, {o.Experiment.LabelNoise!.Format()}", o.Warm, o.Experiment.Window, o.Horizon, o.Pair, designs, states, clock.Elapsed.TotalSeconds);
        BenchJson.Write(o.OutPath, result);
        output.WriteLine($"noise-floor: wrote {o.OutPath} ({clock.Elapsed.TotalSeconds:0} s)");
        return Task.FromResult(0);
    }
}
