using System.Diagnostics;
using System.Text.Json;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// <c>costs-arm</c>: one arm of parts (e) and (f), run by <see cref="ChildrenBench"/> in a process of its own, so that the
/// allocator settings of <see cref="ChildTuning"/> (fixed at start-up) and the process's CPU, faults and peak memory
/// belong to that arm alone. Prints one line "ARM {json}" on stdout.
/// </summary>
internal static class ChildrenArm
{
    /// <summary>The command name (internal: not listed among the suites).</summary>
    public const string Name = "costs-arm";

    /// <summary>Runs the arm: args are the costs flags plus --model, --slots and --bare-batches.</summary>
    public static async Task<int> MainAsync(IReadOnlyList<string> args)
    {
        var flags = new FlagReader(args);
        var model = flags.String("model", "cnn") == "mlp" ? ModelKind.Mlp : ModelKind.Cnn;
        var slots = flags.Int("slots", 0, minimum: 0);
        var bareBatches = flags.Int("bare-batches", 0, minimum: 0);
        var costs = CostsOptions.Parse([.. args.Where((a, i) => !IsArmFlag(args, i))]).WithData();
        var options = costs.Experiment() with { Model = model };
        var data = DataCatalog.Load(options.ChildSettings());
        // Untimed: natives, the JIT and Orleans' first activation.
        await GrainsLoop.RunAsync(costs.Experiment(trainLimit: costs.BatchSize * 2, window: 1) with { Model = model, Children = 1 }, 0, default);
        var before = Cpu();
        var (rssBefore, grown) = (Rss("VmRSS:"), 0L);
        using var sampling = new CancellationTokenSource();
        // The run's own memory: the resident set sampled every 20 ms against the one before it (the peak, VmHWM, is
        // set by loading the data and the warm-up and says nothing about the children).
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                grown = Math.Max(grown, Rss("VmRSS:") - rssBefore);
                await Task.Delay(20);
            }
        });
        var run = await GrainsLoop.RunAsync(options, 1, default, slots);
        await sampling.CancelAsync();
        await sampler;
        var after = Cpu();
        var bare = bareBatches > 0 ? BareLoops(options, data, bareBatches) : 0;
        var peak = bareBatches > 0 ? PeakGflops() : 0;
        using var probe = ModelFactory.Create(model, data.InputShape, data.Classes);
        var result = new ArmResult(ChildTuning.Enabled ? "on" : "off", model.ToString().ToLowerInvariant(), options.Children, slots, run,
            after.User - before.User, after.System - before.System, after.Faults - before.Faults, Rss("VmHWM:"), bare, peak,
            ModelFactory.ParameterCount(probe) * sizeof(float),
            new[] { data.TrainImages, data.TrainLabels, data.ValidationImages, data.ValidationLabels, data.TestImages, data.TestLabels }
                .Sum(t => t.NumberOfElements * t.ElementSize), grown);
        Console.WriteLine("ARM " + JsonSerializer.Serialize(result, BenchJson.Options).ReplaceLineEndings(" "));
        return 0;
    }

    private static bool IsArmFlag(IReadOnlyList<string> args, int i) =>
        args[i] is "--model" or "--slots" or "--bare-batches" || (i > 0 && args[i - 1] is "--model" or "--slots" or "--bare-batches");

    /// <summary>
    /// One plain loop per child at once (index_select, forward, cross-entropy, backward, Adam step, loss.item()), each
    /// on its own thread with the children's thread count: the children's ceiling. Summed img/s.
    /// </summary>
    private static double BareLoops(ExperimentOptions options, TaskData data, int batches)
    {
        var threads = TorchThreads.For(options.Children, Environment.ProcessorCount);
        var rates = new double[options.Children];
        var loops = Enumerable.Range(0, options.Children).Select(i => new Thread(() =>
        {
            torch.set_num_threads(threads);
            torch.random.manual_seed(options.Seed + i);
            using var model = ModelFactory.Create(options.Model, data.InputShape, data.Classes);
            model.train();
            using var optimizer = torch.optim.Adam(model.parameters(), lr: options.LearningRate);
            using var generator = new Generator(unchecked((ulong)(options.Seed + i)));
            var started = 0L;
            for (var b = -5; b < batches; b++)
            {
                if (b == 0)
                {
                    started = Stopwatch.GetTimestamp();
                }

                using var scope = torch.NewDisposeScope();
                var index = torch.randint(data.TrainCount, [options.BatchSize], dtype: ScalarType.Int64, generator: generator);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(data.TrainImages.index_select(0, index)), data.TrainLabels.index_select(0, index));
                loss.backward();
                optimizer.step();
                _ = loss.item<float>();
            }

            rates[i] = batches * options.BatchSize / Stopwatch.GetElapsedTime(started).TotalSeconds;
        })).ToArray();
        foreach (var loop in loops)
        {
            loop.Start();
        }

        foreach (var loop in loops)
        {
            loop.Join();
        }

        return rates.Sum();
    }

    /// <summary>The machine's float32 matmul rate on every core: 2n³ FLOP per n × n product, median of 5 timings of 10.</summary>
    private static double PeakGflops()
    {
        const int n = 1024;
        torch.set_num_threads(Environment.ProcessorCount);
        using var a = torch.randn(n, n);
        using var b = torch.randn(n, n);
        var rates = new List<double>();
        for (var r = 0; r < 6; r++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 10; i++)
            {
                using var c = a.mm(b);
            }

            rates.Add(10 * 2.0 * n * n * n / Stopwatch.GetElapsedTime(started).TotalSeconds / 1e9);
        }

        return rates.Skip(1).Order().ElementAt(2);
    }

    private static (double User, double System, long Faults) Cpu()
    {
        using var self = Process.GetCurrentProcess();
        // /proc/self/stat field 10 is minflt (after the parenthesised command name).
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (self.UserProcessorTime.TotalSeconds, self.PrivilegedProcessorTime.TotalSeconds, long.Parse(fields[7]));
    }

    // A line of /proc/self/status in bytes: VmHWM (peak resident set) or VmRSS (now).
    private static long Rss(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
