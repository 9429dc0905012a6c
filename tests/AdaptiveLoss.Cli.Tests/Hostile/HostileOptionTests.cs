namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// Option values that would exhaust a silo's memory, overflow its arithmetic or leave a run that trains nothing: each
/// is refused before anything starts, in one line naming the flag, exit 2, nothing written, under the memory ceiling.
/// Observed before the bounds (docs/cli.md, "Limits"): --evals-per-window 2e9 23.8 GB and the OOM killer, --history
/// 2000000 8.3 GB, overflows at run time for --policy-hidden 46341 / --replay-capacity 2147483647 / --round-timeout 1e15,
/// exit 0 with 0 windows for --epochs 2147483647 --window 1, every window discarded for --max-logit 0.
/// </summary>
public sealed class HostileOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--children", "0", "--children must be in 1..1024 (got 0)")]
    [InlineData("--children", "100000", "--children must be in 1..1024 (got 100000)")]
    [InlineData("--evals-per-window", "2000000000", "--evals-per-window must be in 1..100 (got 2000000000)")]
    [InlineData("--evals-per-window", "50", "--evals-per-window must be at most --window 20 (got 50)")]
    [InlineData("--history", "2000000", "--history must be in 1..100 (got 2000000)")]
    [InlineData("--policy-hidden", "46341", "--policy-hidden must be in 1..1024 (got 46341)")]
    [InlineData("--replay-capacity", "2147483647", "--replay-capacity must be in 0..100000 (got 2147483647)")]
    [InlineData("--round-timeout", "1e15", "--round-timeout must be a positive number of seconds, at most 86400")]
    [InlineData("--epochs", "2147483647", "--epochs must be in 1..10000 (got 2147483647)")]
    [InlineData("--max-logit", "0", "--max-logit must be a positive number (got 0)")]
    [InlineData("--batch-size", "1000000", "--batch-size must be in 1..8192 (got 1000000)")]
    public async Task Run_OutOfBounds_RefusedBeforeAnythingStarts(string flag, string value, string expected)
    {
        var data = HostileData.IdxFolder(_folder);

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, "--model", "mlp", "--window", "20", flag, value);

        HostileRun.AssertRefused(result, expected);
    }

    [Fact]
    public async Task Run_MoreWindowsThanTheRecordsKeep_RefusedOnceTheDataSaysHowMany()
    {
        // 150 training images in batches of 128: 2 iterations an epoch, 20,000 windows of 1 a child, 64 children.
        var data = HostileData.IdxFolder(_folder);

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, "--model", "mlp", "--validation-size", "50",
            "--children", "64", "--epochs", "10000", "--window", "1", "--evals-per-window", "1");

        HostileRun.AssertRefused(result, "--window 1 gives 1,280,000 windows (64 children × --epochs 10000 × ⌈150 training images / --batch-size 128⌉ "
            + "iterations / 1); at most 1,000,000 are kept (raise --window)");
    }

    [Fact]
    public async Task Run_ManyMoreChildrenThanSlots_QueuesThemAndCompletesWithBoundedMemory()
    {
        // 100 children on an embedded silo of 16 slots or more (ClusterConnection.EmbeddedSlots): the rest queue.
        var data = HostileData.IdxFolder(_folder);

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, "--model", "mlp", "--children", "100",
            "--epochs", "1", "--validation-size", "50", "--window", "2", "--evals-per-window", "1", "--progress", "lines", "--experiment-id", "many");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(100, result.StandardOutput.Split('\n').Count(l => l.Contains("completed", StringComparison.Ordinal) && l.StartsWith("[child", StringComparison.Ordinal)));
        HostileRun.AssertBounded(result);
    }
}
