using System.Text.Json;
using AdaptiveLoss.Cli.Hosting;
using StackExchange.Redis;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// The Redis cluster (docs/cluster.md) with a real redis-server: a standalone <c>ala-silo --clustering redis</c>, <c>ala run --cluster
/// redis://HOST:PORT</c>, and Redis unreachable at start for both. Needs redis-server (test.sh installs it) and
/// dataset-fashion-mnist.
/// </summary>
public sealed class RedisClusterTests : IDisposable
{
    private static readonly TimeSpan SiloStart = TimeSpan.FromSeconds(60);
    private readonly string _work = Directory.CreateTempSubdirectory("ala-redis-cluster-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Run_AgainstARedisClusteredSilo_WritesResultsAndTheMembershipIsInRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silo = await SiloProcess.StartAsync(SiloStart, "--clustering", "redis", "--redis", redis.Endpoint, "--max-children", "2");
        var outDir = Path.Combine(_work, "out");

        var run = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(4), "run", "--cluster", redis.ClusterUri, "--experiment-id", "redis-1",
            "--train-limit", "1000", "--validation-size", "1000", "--epochs", "1", "--children", "2", "--window", "4", "--out", outDir);
        var status = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "redis-1", "--cluster", redis.ClusterUri);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}\nsilo:\n{silo.Log}");
        Assert.Contains($"on cluster {redis.ClusterUri}", run.StandardOutput);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        ResultsAssertions.AssertValid(json.RootElement, children: 2);
        Assert.Contains("Experiment redis-1 started", silo.Log);
        Assert.Contains($"clustering redis {redis.Endpoint}", silo.Log);
        Assert.True(status.ExitCode == 0, status.StandardError);
        Assert.StartsWith("experiment redis-1: completed", status.StandardOutput);

        // The silo's row in the membership table lives in this Redis, under the cluster id "ala".
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var members = await connection.GetDatabase().HashGetAllAsync("ala/members/ala");
        var row = Assert.Single(members, m => m.Name.ToString().Contains($"127.0.0.1:{silo.SiloPort}:", StringComparison.Ordinal));
        Assert.Contains("\"Status\":3,", row.Value.ToString(), StringComparison.Ordinal); // Active
    }

    [Fact]
    public async Task Silo_RedisUnreachableAtStart_ExitsTwoWithOneLine()
    {
        var port = FreePorts.Pick(1)[0];

        var result = await CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromMinutes(1), new Dictionary<string, string?>(),
            "--clustering", "redis", "--redis", $"127.0.0.1:{port}", "--state", Path.Combine(_work, "state"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"ala-silo: --redis: Redis at 127.0.0.1:{port} is unreachable (", line);
        Assert.False(Directory.Exists(Path.Combine(_work, "state")), "nothing written");
    }

    [Fact]
    public async Task Silo_BadClusterValue_ExitsTwoWithOneLine()
    {
        var result = await CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromMinutes(1), new Dictionary<string, string?>(),
            "--clustering", "redis", "--max-children", "-2");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["ala-silo: --max-children must be a whole number >= 0, 0 = no limit (got '-2')"], result.ErrorLines);
    }

    /// <summary>A Training setting checked at start (IValidateOptions + ValidateOnStart) stops the silo like a bad flag does.</summary>
    [Fact]
    public async Task Silo_BadTrainingSetting_ExitsTwoWithOneLine()
    {
        var ports = FreePorts.Pick(2);
        var environment = new Dictionary<string, string?> { ["Training__ShutdownTimeoutSeconds"] = "-1" };

        var result = await CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromMinutes(1), environment,
            "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--state", Path.Combine(_work, "state"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["ala-silo: Training:ShutdownTimeoutSeconds must be seconds in [0, 9.2e11] (got -1)"], result.ErrorLines);
    }

    [Fact]
    public async Task Run_RedisUnreachableAtStart_ExitsOneWithOneLine()
    {
        var port = FreePorts.Pick(1)[0];

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "run", "--cluster", $"redis://127.0.0.1:{port}", "--epochs", "1",
            "--out", Path.Combine(_work, "out"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"ala: cannot reach the cluster: Redis at 127.0.0.1:{port} is unreachable (", line);
        Assert.False(Directory.Exists(Path.Combine(_work, "out")), "nothing written");
    }

    [Fact]
    public async Task Status_RedisUpButNoSilo_ExitsOneWithOneLine()
    {
        await using var redis = await RedisServer.StartAsync();

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "x", "--cluster", redis.ClusterUri);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"ala: cannot reach the cluster in Redis at {redis.Endpoint} (is an ./ala-silo --clustering redis running?): ", line);
    }

    /// <summary>
    /// Redis lost mid-run (docs/cluster.md): the silo's training threads retry their grain calls for
    /// <c>Training:GrainCallRetrySeconds</c> (15 s here), then the children fail; <c>ala</c> exits 1 with one line
    /// naming the storage error and writes no results. When Redis answers again, every grain state it holds is still
    /// a whole JSON document (nothing half-written), and the silo is still up.
    /// </summary>
    [Fact]
    public async Task Run_RedisHangsMidRun_ChildrenFailAfterTheirRetries_StoredStatesStayWhole()
    {
        await using var redis = await RedisServer.StartAsync();
        var environment = new Dictionary<string, string?> { ["Training__GrainCallRetrySeconds"] = "15" };
        await using var silo = await SiloProcess.StartAsync(SiloStart, environment, "--clustering", "redis", "--redis", redis.Endpoint);
        var outDir = Path.Combine(_work, "out");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { RepositoryPaths.CliDll, "run", "--cluster", redis.ClusterUri, "--model", "mlp", "--train-limit", "8000",
            "--validation-size", "500", "--epochs", "3", "--children", "2", "--window", "4", "--batch-size", "32", "--experiment-id", "hang",
            "--out", outDir, "--progress", "lines" })
        {
            start.ArgumentList.Add(arg);
        }

        using var run = System.Diagnostics.Process.Start(start)!;
        var windows = new TaskCompletionSource();
        var seen = 0;
        run.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(" window ", StringComparison.Ordinal) == true && Interlocked.Increment(ref seen) >= 2)
            {
                windows.TrySetResult();
            }
        };
        run.BeginOutputReadLine();
        var errors = run.StandardError.ReadToEndAsync();
        await windows.Task.WaitAsync(TimeSpan.FromMinutes(3));

        await redis.PauseAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        var errorLines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await redis.ContinueAsync();

        Assert.True(run.ExitCode == 1, string.Join("\n", errorLines));
        Assert.True(errorLines.Length == 1, string.Join("\n", errorLines));
        var line = errorLines[0];
        Assert.StartsWith("ala: every child failed; no results written (first error: ", line);
        Assert.Contains("Redis", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "results.json")));
        Assert.False(silo.HasExited, silo.Log);

        // Every stored grain state (provider "ala", service "ala") is a whole JSON document.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var server = connection.GetServer(redis.Endpoint);
        var db = connection.GetDatabase();
        var keys = server.Keys(pattern: "ala/state/*").ToList();
        Assert.Contains(keys, k => k.ToString().Contains("experiment/hang", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.ToString().Contains("childtrainer/hang/0", StringComparison.Ordinal));
        foreach (var key in keys)
        {
            var documents = await db.KeyTypeAsync(key) == RedisType.Hash
                ? (await db.HashGetAllAsync(key)).Select(e => e.Value.ToString()).Where(v => v.StartsWith('{') || v.StartsWith('['))
                : [(await db.StringGetAsync(key)).ToString()];
            foreach (var document in documents)
            {
                using var parsed = JsonDocument.Parse(document); // throws on a torn write
            }
        }
    }
}
