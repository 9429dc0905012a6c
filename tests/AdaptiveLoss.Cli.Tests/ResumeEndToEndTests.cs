using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// <c>ala resume</c> (docs/durability.md) through the built <c>ala</c>: SIGKILL an embedded run mid-run, <c>ala resume</c> it, and the results
/// hold the same windows and transitions as an uninterrupted run of the same command — none lost, none counted twice —
/// and the same policy version (the coordinator continued, it did not restart at 0).
/// </summary>
public sealed class ResumeEndToEndTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private readonly string _work = Directory.CreateTempSubdirectory("ala-resume-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string State => Path.Combine(_work, "state");

    // MLP on 2,000 training images, batch 32, windows of 8 iterations: 2 children × 2 epochs of 8 windows... per child.
    private string[] RunArgs(string id) =>
    [
        "run", "--model", "mlp", "--train-limit", "2000", "--epochs", "2", "--children", "2", "--window", "8", "--batch-size", "32",
        "--experiment-id", id, "--state", State, "--out", Path.Combine(_work, id), "--progress", "lines",
    ];

    [Fact]
    public async Task KilledMidRun_Resume_SameWindowsAndTransitionsAsAnUninterruptedRun()
    {
        var whole = await CliProcess.RunAsync(_work, Limit, RunArgs("whole"));
        Assert.True(whole.ExitCode == 0, whole.StandardError);
        var expected = Counts(Path.Combine(_work, "whole"));

        var (killedOutput, windowsBeforeKill) = await RunAndKillAfterAsync(RunArgs("killed"), windows: 5);
        Assert.False(File.Exists(Path.Combine(_work, "killed", "results.json")), killedOutput);
        Assert.True(Directory.EnumerateFiles(Path.Combine(State, "checkpoints", "killed"), "checkpoint.json", SearchOption.AllDirectories).Any());

        // Starting it again instead of resuming is refused, with the way out in the message; nothing changes.
        var again = await CliProcess.RunAsync(_work, Limit, RunArgs("killed"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("ala resume killed", Assert.Single(again.ErrorLines), StringComparison.Ordinal);

        var resumed = await CliProcess.RunAsync(_work, Limit, "resume", "killed", "--state", State, "--progress", "lines");

        Assert.True(resumed.ExitCode == 0, $"{resumed.StandardOutput}\n{resumed.StandardError}");
        Assert.Matches(@"resuming experiment killed: 0 of 2 children ended, \d+ windows stored", resumed.StandardOutput);
        var actual = Counts(Path.Combine(_work, "killed"));
        Assert.True(windowsBeforeKill >= 5 && windowsBeforeKill < expected.Transitions, $"killed after {windowsBeforeKill} windows");
        Assert.Equal(expected.WindowsPerChild, actual.WindowsPerChild);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Transitions, actual.DistinctRewards); // no (child, window) twice
        Assert.Equal(expected.Version, actual.Version);
        Assert.False(Directory.EnumerateFiles(Path.Combine(State, "checkpoints", "killed"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task CorruptCheckpoint_Resume_ThatChildFailsNamingTheFile_TheOtherCompletes()
    {
        await RunAndKillAfterAsync(RunArgs("corrupt"), windows: 5);
        // The newest complete checkpoint, the one resume reads (a kill during a write can also leave a .tmp-w-… folder,
        // or the previous w-… not yet deleted).
        var model = Path.Combine(Directory.GetDirectories(Path.Combine(State, "checkpoints", "corrupt", "0"), "w-*").Order(StringComparer.Ordinal).Last(), "model.bin");
        await using (var file = new FileStream(model, FileMode.Open, FileAccess.Write))
        {
            file.Position = 100;
            file.Write("XXXX"u8);
        }

        var resumed = await CliProcess.RunAsync(_work, Limit, "resume", "corrupt", "--state", State, "--progress", "lines");

        // Nothing is trained from a damaged checkpoint: child 0 fails with one line naming the file, child 1 finishes.
        Assert.True(resumed.ExitCode == 0, $"{resumed.StandardOutput}\n{resumed.StandardError}");
        Assert.Contains($"[child 0] FAILED: CheckpointException: checkpoint {model}: SHA-256 differs from the manifest", resumed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[child 1] completed", resumed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("over 1 completed child of 2", resumed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_UnknownExperiment_ExitTwoOneLineNothingWritten()
    {
        var result = await CliProcess.RunAsync(_work, TimeSpan.FromSeconds(60), "resume", "never-ran", "--state", State);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no experiment 'never-ran' to resume", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(State));
    }

    private static (int[] WindowsPerChild, int Transitions, int DistinctRewards, long Version) Counts(string runDirectory)
    {
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "results.json")));
        var root = results.RootElement;
        var windows = root.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("windows").GetInt32()).ToArray();
        var rewards = root.GetProperty("rewards").EnumerateArray()
            .Select(r => (r.GetProperty("childId").GetString(), r.GetProperty("window").GetInt32())).ToList();
        var policy = root.GetProperty("policy");
        Assert.Equal(rewards.Count, policy.GetProperty("transitions").GetInt32());
        return (windows, rewards.Count, rewards.Distinct().Count(), policy.GetProperty("version").GetInt64());
    }

    // Starts `ala`, waits until it printed `windows` window lines, then SIGKILLs it (Process.Kill on Linux).
    private async Task<(string Output, int Windows)> RunAndKillAfterAsync(string[] args, int windows)
    {
        using var run = WatchedCliProcess.Start(_work, args);
        await run.WaitForWindowsAsync(windows, Limit);
        run.Process.Kill();
        await run.Process.WaitForExitAsync();
        return (run.Output, run.Windows);
    }
}
