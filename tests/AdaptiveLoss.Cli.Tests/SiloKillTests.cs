using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// A silo killed in a cluster (docs/cluster.md), on loopback: redis-server, three <c>ala-silo --clustering redis</c> processes with 2 slots each and one
/// shared checkpoint folder, and <c>ala run --cluster redis://…</c>. One silo that trains a child is SIGKILLed mid-run;
/// the experiment still completes with every child, the same windows and transitions as an uninterrupted run on the
/// same cluster (none lost, none twice) and the same policy version (the coordinator's state came back from Redis, it
/// did not restart at 0). Needs redis-server and dataset-fashion-mnist.
/// </summary>
public sealed partial class SiloKillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);
    private readonly string _work = Directory.CreateTempSubdirectory("ala-silo-kill-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    // MLP on 1,200 training images, batch 32, windows of 8 iterations, 2 epochs: about 10 windows per child.
    private string[] RunArgs(string cluster, string id) =>
    [
        "run", "--cluster", cluster, "--model", "mlp", "--train-limit", "1200", "--validation-size", "500", "--epochs", "2", "--children", "3",
        "--window", "8", "--batch-size", "32", "--experiment-id", id, "--out", Path.Combine(_work, id), "--progress", "lines",
    ];

    [Fact]
    public async Task ThreeSilos_OneKilledMidRun_ExperimentCompletesWithEveryWindowOnce()
    {
        await using var redis = await RedisServer.StartAsync();
        var checkpoints = Path.Combine(_work, "checkpoints");
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(TimeSpan.FromSeconds(90), "--clustering", "redis", "--redis", redis.Endpoint, "--max-children", "2",
                    "--checkpoints", checkpoints));
            }

            var whole = await CliProcess.RunAsync(_work, Limit, RunArgs(redis.ClusterUri, "whole"));
            Assert.True(whole.ExitCode == 0, $"{whole.StandardOutput}\n{whole.StandardError}");
            var expected = Counts(Path.Combine(_work, "whole"));
            // Slot placement: three children over three silos with two free slots each, one per silo.
            Assert.All(silos, s => Assert.Single(TrainedChildren(s.Log, "whole")));

            var watch = new Stopwatch();
            var (run, victim, moved) = await RunAndKillASiloAsync(RunArgs(redis.ClusterUri, "killed"), silos, watch);

            Assert.True(run.ExitCode == 0, $"{run.Output}\nkilled silo:\n{victim.Log}");
            var actual = Counts(Path.Combine(_work, "killed"));
            Assert.Equal(expected.WindowsPerChild, actual.WindowsPerChild);
            Assert.Equal(expected.Transitions, actual.Transitions);
            Assert.Equal(expected.Transitions, actual.DistinctRewards); // no (child, window) twice
            Assert.Equal(expected.Version, actual.Version);
            Assert.True(run.WindowsBeforeKill >= 3 && run.WindowsBeforeKill < expected.Transitions, $"killed after {run.WindowsBeforeKill} windows");
            // The killed silo's child trained again on a survivor, from its checkpoint.
            var survivors = silos.Where(s => s != victim).ToList();
            Assert.Contains(survivors, s => s.Log.Contains($"Child {moved} resumed from storage", StringComparison.Ordinal));
            Assert.Contains(survivors, s => TrainedChildren(s.Log, "killed").Contains(moved));
            output.WriteLine($"killed the silo on port {victim.SiloPort} after {run.WindowsBeforeKill} windows; {moved} trained again on a survivor "
                + $"{watch.Elapsed.TotalSeconds:F1} s later; {actual.Transitions} transitions (uninterrupted: {expected.Transitions}), policy version {actual.Version}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];

    private static List<string> TrainedChildren(string log, string experimentId) =>
        [.. TrainingLine().Matches(log).Select(m => m.Groups[1].Value).Where(id => id.StartsWith(experimentId + "/", StringComparison.Ordinal))];

    [GeneratedRegex(@"Child (\S+) training \(seed")]
    private static partial Regex TrainingLine();

    private static (int[] WindowsPerChild, int Transitions, int DistinctRewards, long Version) Counts(string runDirectory)
    {
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "results.json")));
        var root = results.RootElement;
        Assert.Equal(3, root.GetProperty("children").GetArrayLength()); // every child, each with its test error
        Assert.All(root.GetProperty("children").EnumerateArray(), c => Assert.InRange(c.GetProperty("testError").GetDouble(), 0, 1));
        var windows = root.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("windows").GetInt32()).ToArray();
        var rewards = root.GetProperty("rewards").EnumerateArray()
            .Select(r => (r.GetProperty("childId").GetString(), r.GetProperty("window").GetInt32())).ToList();
        var policy = root.GetProperty("policy");
        Assert.Equal(rewards.Count, policy.GetProperty("transitions").GetInt32());
        return (windows, rewards.Count, rewards.Distinct().Count(), policy.GetProperty("version").GetInt64());
    }

    // Starts `ala`; after 3 window lines SIGKILLs a silo that trains one of its children; waits for `ala` to exit and
    // measures (in `watch`) from the kill until that child trains again on another silo.
    private async Task<((int ExitCode, string Output, int WindowsBeforeKill) Run, SiloProcess Victim, string Moved)> RunAndKillASiloAsync(
        string[] args, List<SiloProcess> silos, Stopwatch watch)
    {
        using var run = WatchedCliProcess.Start(_work, args);
        var process = run.Process;
        await run.WaitForWindowsAsync(3, Limit);
        var victim = silos.First(s => TrainedChildren(s.Log, "killed").Count > 0);
        var moved = TrainedChildren(victim.Log, "killed")[0];
        var before = run.Windows;

        await victim.KillAsync();
        watch.Start();
        var survivors = silos.Where(s => s != victim).ToList();
        while (!survivors.Any(s => TrainedChildren(s.Log, "killed").Contains(moved)) && !process.HasExited)
        {
            await Task.Delay(100);
        }

        watch.Stop();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // A hang must say where: the CLI's output and the end of every silo's log.
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ala did not end within {Limit}; victim silo port {victim.SiloPort}, child {moved}\n{run.Output}\n"
                + string.Join("\n", silos.Select(s => $"--- silo {s.SiloPort}:\n{Tail(s.Log)}")));
        }

        var stderr = await run.StandardError;
        return ((process.ExitCode, $"{run.Output}\n{stderr}", before), victim, moved);
    }
}
