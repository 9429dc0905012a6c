using System.Diagnostics;
using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Cluster;

/// <summary>
/// <c>./bench.sh cluster</c>: a cluster-scale load test on loopback (docs/cluster.md): a redis-server, N <c>ala-silo</c>
/// processes clustered through it, and concurrent <c>ala run --cluster --share-policy</c> experiments feeding one
/// coordinator, watched from outside by <see cref="ClusterObserver"/>; writes cluster.json.
/// </summary>
internal static class ClusterLoadSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "cluster";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The dispatcher's registration (Program.cs).</summary>
    public static IBenchSuite Create() => new FlagSuite(Name,
        "[--smoke] [--silos 3] [--experiments 4] [--children 8] [--train-limit 3000] [--validation-size 1000] [--epochs 2] [--window 5] "
        + "[--poll-ms 25] [--out DIR]   3 silos on Redis, 4 experiments sharing one policy: transitions/s, round latency, placement, status polls, lost or doubled (cluster.json)",
        ["--silos", "--experiments", "--children", "--train-limit", "--validation-size", "--epochs", "--window", "--poll-ms", "--ala-dll", "--silo-dll"], ["--smoke"],
        args => ClusterOptions.Parse(args), RunAsync);

    /// <summary>Runs the load test; returns the exit code (2 for bad flags, 1 when the load failed).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ClusterOptions options;
        try
        {
            options = ClusterOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"bench cluster: {ex.Message}");
            return 2;
        }

        var result = await MeasureAsync(options, output, cancellationToken);
        var path = Path.Combine(options.OutDirectory, "cluster.json");
        BenchJson.Write(path, result);
        output.WriteLine($"cluster: {result.Transitions} transitions in {result.Rounds} rounds, {result.TransitionsPerSecond:F1}/s, lost {result.Lost}, "
            + $"doubled {result.Doubled}, round latency median {result.RoundLatencyMs.MedianMs:F0} ms, children per silo {string.Join("/", result.ChildrenPerSilo)}; wrote {path}");
        return result.Lost == 0 && result.Doubled == 0 && result.RunsSucceeded == options.Experiments ? 0 : 1;
    }

    /// <summary>Starts the cluster, loads it, watches it, and stops everything.</summary>
    public static async Task<ClusterResult> MeasureAsync(ClusterOptions o, TextWriter log, CancellationToken cancellationToken)
    {
        var root = ResultsFolder.Root();
        var work = Directory.CreateTempSubdirectory("ala-cluster-load-").FullName;
        var processes = new List<LocalProcess>();
        try
        {
            // The launchers build ala and ala-silo (Release) when stale: once here, not three times at once. Each call
            // exits at once after the build: help for ala, a refused flag (exit 2, nothing started) for ala-silo.
            var (ala, silo) = (Command(root, "ala", o.AlaDll), Command(root, "ala-silo", o.SiloDll));
            foreach (var (command, args) in new[] { (ala, new[] { "--help" }), (silo, new[] { "--max-children", "-1" }) })
            {
                await using var build = LocalProcess.Start(command.File, root, [.. command.Prefix, .. args]);
                await build.WaitForExitAsync(StartTimeout);
            }

            var redisPort = LocalProcess.FreePort();
            var redis = LocalProcess.Start("redis-server", work, "--port", $"{redisPort}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
            processes.Add(redis);
            await redis.WaitForLineAsync(l => l.Contains("Ready to accept connections", StringComparison.Ordinal), StartTimeout, "redis-server start");
            var silos = Enumerable.Range(0, o.Silos).Select(i => LocalProcess.Start(silo.File, root, [.. silo.Prefix, "--clustering", "redis",
                "--redis", $"127.0.0.1:{redisPort}", "--silo-port", $"{LocalProcess.FreePort()}", "--gateway-port", $"{LocalProcess.FreePort()}",
                "--state", Path.Combine(work, $"silo-{i}")])).ToArray();
            processes.AddRange(silos);
            await Task.WhenAll(silos.Select(s => s.WaitForLineAsync(l => l.StartsWith("ala-silo: silo port", StringComparison.Ordinal), StartTimeout, "ala-silo start")));
            log.WriteLine($"cluster: redis on {redisPort}, {o.Silos} silos up; {o.Experiments} experiments × {o.Children} children");

            await using var observer = await ClusterObserver.ConnectAsync($"127.0.0.1:{redisPort}", cancellationToken);
            var policy = $"load-{Guid.NewGuid():N}"[..13];
            var ids = Enumerable.Range(0, o.Experiments).Select(e => $"{policy}-{e}").ToArray();
            var clock = Stopwatch.StartNew();
            var runs = ids.Select((id, e) => LocalProcess.Start(ala.File, root, [.. ala.Prefix, "run", "--cluster", $"redis://127.0.0.1:{redisPort}",
                "--share-policy", policy, "--experiment-id", id, "--model", "mlp", "--children", $"{o.Children}", "--seed", $"{1 + (100 * e)}",
                "--train-limit", $"{o.TrainLimit}", "--validation-size", $"{o.ValidationSize}", "--epochs", $"{o.Epochs}", "--window", $"{o.Window}",
                "--out", Path.Combine(work, $"out-{e}")])).ToArray();
            processes.AddRange(runs);
            var exits = Task.WhenAll(runs.Select(r => r.WaitForExitAsync(RunTimeout)));
            var seen = await observer.WatchAsync(policy, ids, TimeSpan.FromMilliseconds(o.PollMilliseconds), exits, cancellationToken);
            var codes = await exits;
            var wall = clock.Elapsed.TotalSeconds;
            foreach (var (run, code) in runs.Zip(codes).Where(r => r.Second != 0))
            {
                log.WriteLine($"cluster: a run exited {code}: {string.Join(" | ", run.Lines.TakeLast(3))}");
            }

            // Placement from each silo's log: the children it trained.
            var perSilo = silos.Select(s => s.Lines.Where(l => l.Contains($"Child {policy}-", StringComparison.Ordinal) && l.Contains(" training (seed", StringComparison.Ordinal))
                .Select(l => l[l.IndexOf($"Child {policy}-", StringComparison.Ordinal)..].Split(' ')[1]).Distinct().Count()).ToArray();
            return ClusterLoad.Result(o, seen, perSilo, codes.Count(c => c == 0), wall);
        }
        finally
        {
            foreach (var process in Enumerable.Reverse(processes))
            {
                await process.DisposeAsync();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    // The launcher in the repository root, or `dotnet DLL` for a given build.
    private static (string File, string[] Prefix) Command(string root, string launcher, string? dll) =>
        dll is null ? (Path.Combine(root, launcher), []) : ("dotnet", [dll]);
}
