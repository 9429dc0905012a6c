using System.Text.Json;
using AdaptiveLoss.Benchmarks.Peer;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Parts (e) and (f): each arm is a <see cref="ChildrenArm"/> process of this benchmark. (d) the CNN children of part
/// (a) with the child tuning off ("before") and on ("after"), alternately, <see cref="CostsOptions.Repeats"/> pairs;
/// (f) tiny MLP runs with 1 and 4 children on as many slots, with as many children as the embedded silo's slots and with
/// <see cref="MemoryFactor"/> times as many (they queue for the slots), tuning on: peak memory per run.
/// </summary>
internal static class ChildrenBench
{
    /// <summary>The embedded silo's slots (ClusterConnection.EmbeddedSlots on 2 cores: max(16, 4 × cores)).</summary>
    public static int Slots => Math.Max(16, 4 * Environment.ProcessorCount);

    /// <summary>Part (f)'s larger run has this many times the slots in children.</summary>
    public const int MemoryFactor = 4;

    /// <summary>Timed batches of each bare loop in part (e).</summary>
    public const int BareBatches = 150;

    /// <summary>Part (e): before/after pairs, before first in each pair.</summary>
    public static IReadOnlyList<ArmResult> Tuning(CostsOptions costs, TextWriter log)
    {
        var arms = new List<ArmResult>();
        for (var repeat = 1; repeat <= costs.Repeats; repeat++)
        {
            foreach (var tuning in new[] { "off", "on" })
            {
                arms.Add(Report(log, "e", Run(costs, tuning, ["--model", "cnn", "--bare-batches", (costs.Smoke ? 5 : BareBatches).ToString()])));
            }
        }

        return arms;
    }

    /// <summary>
    /// Part (f): 1 and 4 MLP children each on as many slots (bytes per running child, from the peak memory's growth), the
    /// slots' worth of children, then <see cref="MemoryFactor"/> times as many queued for the same slots.
    /// </summary>
    public static IReadOnlyList<ArmResult> Memory(CostsOptions costs, TextWriter log)
    {
        var tiny = costs with { TrainLimit = costs.Smoke ? costs.TrainLimit : 2048, Epochs = 1, Window = costs.Smoke ? costs.Window : 8 };
        (int Children, int Slots)[] arms = [(1, 1), (4, 4), (Slots, Slots), (Slots * MemoryFactor, Slots)];
        return [.. arms.Select(arm => Report(log, "f", Run(tiny with { Children = arm.Children }, "on", ["--model", "mlp", "--slots", arm.Slots.ToString()])))];
    }

    private static ArmResult Run(CostsOptions costs, string tuning, string[] extra)
    {
        string[] args =
        [
            typeof(ChildrenBench).Assembly.Location, ChildrenArm.Name, "--children", costs.Children.ToString(), "--train-limit",
            costs.TrainLimit.ToString(), "--epochs", costs.Epochs.ToString(), "--window", costs.Window.ToString(), "--seed", costs.Seed.ToString(),
            "--validation-size", costs.ValidationSize.ToString(), "--batch-size", costs.BatchSize.ToString(),
            .. costs.DataDirectory is { } data ? new[] { "--data", data } : [], .. extra,
        ];
        var result = Processes.Run(Environment.ProcessPath ?? "dotnet", args, TimeSpan.FromMinutes(30),
            new Dictionary<string, string> { [ChildTuning.EnvironmentVariable] = tuning });
        var line = result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("ARM ", StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"costs arm (tuning {tuning}) failed with exit code {result.ExitCode}: {result.Error.Trim()}");
        }

        return JsonSerializer.Deserialize<ArmResult>(line[4..], BenchJson.Options)!;
    }

    private static ArmResult Report(TextWriter log, string part, ArmResult arm)
    {
        log.WriteLine($"costs ({part}): tuning {arm.Tuning}, {arm.Children} {arm.Model} children: {arm.Run.ImagesPerSecond:N0} img/s "
            + $"(own {arm.Run.ChildrenImagesPerSecond:N0}, bare {arm.BareImagesPerSecond:N0}), user {arm.UserSeconds:F1} s, sys {arm.SystemSeconds:F1} s "
            + $"({arm.KernelPercent:F1} %), {arm.MinorFaults:N0} faults, peak RSS {arm.PeakRssBytes / 1048576.0:N0} MiB");
        return arm;
    }
}
