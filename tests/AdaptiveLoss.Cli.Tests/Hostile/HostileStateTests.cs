using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// The state folder and the results folder under a second process or a careless command line (docs/durability.md, "One
/// owner per state folder"; docs/cli.md, "Files a run writes"): refused before anything starts, one line, exit 2,
/// nothing written. The lock is held by this test process with the CLI's own locking code, so no training runs.
/// </summary>
public sealed class HostileStateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-hostile-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string State => Path.Combine(_folder, "state");

    [Fact]
    public async Task Run_StateFolderLockedByAnotherProcess_RefusedNamingTheFolderAndTheHolder()
    {
        var data = HostileData.IdxFolder(_folder);
        using var holder = StateFolderLock.Acquire(State, "ala run first");

        var result = await HostileRun.CliAsync(_folder, [.. Tiny(data), "--out", Path.Combine(_folder, "out")]);

        HostileRun.AssertRefused(result, $"ala: --state: state folder {State} is in use by another process (pid {Environment.ProcessId}, ala run first, since ");
        Assert.EndsWith("; wait for it to end, or give this run another --state", result.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_StateFolderLockedByAnotherProcess_RefusedBeforeTheSiloStarts()
    {
        WriteRecord("killed", Path.Combine(_folder, "out"));
        using var holder = StateFolderLock.Acquire(State, "ala resume killed");

        var result = await HostileRun.CliAsync(_folder, "resume", "killed", "--state", State);

        HostileRun.AssertRefused(result, $"ala: --state: state folder {State} is in use by another process (pid {Environment.ProcessId}, ala resume killed, since ");
    }

    [Fact]
    public async Task Run_ResultsJsonInOut_RefusedBeforeAnythingStartsSuggestingForce()
    {
        var data = HostileData.IdxFolder(_folder);
        var outDir = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "results.json"), "{\"first\": true}");

        var result = await HostileRun.CliAsync(_folder, [.. Tiny(data), "--out", outDir]);

        HostileRun.AssertRefused(result, $"ala: --out '{outDir}' already holds results.json: choose another --out, or add --force to overwrite it");
        Assert.Equal("{\"first\": true}", File.ReadAllText(Path.Combine(outDir, "results.json")));
    }

    [Fact]
    public async Task Resume_OutOverrideHoldsResultsJson_RefusedNamingIt()
    {
        WriteRecord("killed", Path.Combine(_folder, "original"));
        var other = Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName;
        File.WriteAllText(Path.Combine(other, "results.json"), "{}");

        var result = await HostileRun.CliAsync(_folder, "resume", "killed", "--state", State, "--out", other);

        HostileRun.AssertRefused(result, $"ala: --out '{other}' already holds results.json: choose another --out, or add --force to overwrite it");
    }

    [Fact]
    public async Task Resume_DataDamagedSinceTheRunStarted_RefusedBeforeTheSiloStarts()
    {
        var data = HostileData.IdxFolder(_folder);
        RunRecordFile.Write(State, new RunPlan("killed", new ExperimentOptions { Task = TaskKind.Idx, DataDirectory = data, ValidationSize = 20 },
            Path.Combine(_folder, "original"), ClusterTarget.Parse(null)));
        var images = Path.Combine(data, HostileData.TrainImages);
        File.WriteAllBytes(images, File.ReadAllBytes(images)[..100]);

        var result = await HostileRun.CliAsync(_folder, "resume", "killed", "--state", State);

        HostileRun.AssertRefused(result, $"ala: {images}: truncated file");
    }

    [Theory]
    [InlineData("redis://u:s3cretpw@h")]
    [InlineData("redis://u:s3cretpw@h:6379")]
    [InlineData("redis://h:6379,password=s3cretpw")]
    [InlineData("redis://password=s3cretpw")]
    [InlineData("u:s3cretpw@h")]
    public async Task Run_ClusterValueWithAPassword_RefusedAndThePasswordAppearsNowhere(string cluster)
    {
        var data = HostileData.IdxFolder(_folder);

        var result = await HostileRun.CliAsync(_folder, [.. Tiny(data), "--out", Path.Combine(_folder, "out"), "--cluster", cluster]);

        HostileRun.AssertRefused(result, "ala: --cluster: ");
        Assert.DoesNotContain("s3cretpw", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cretpw", result.StandardOutput, StringComparison.Ordinal);
    }

    // A run that passes every check on the tiny IDX folder (200 training images).
    private static string[] Tiny(string data) =>
        ["run", "--task", "idx", "--data", data, "--validation-size", "20", "--children", "1", "--epochs", "1", "--experiment-id", "x", "--progress", "lines"];

    // What `ala run` leaves for `ala resume` once its experiment started (the test needs only the record).
    private void WriteRecord(string experimentId, string outDirectory) =>
        RunRecordFile.Write(State, new RunPlan(experimentId, new ExperimentOptions(), outDirectory, ClusterTarget.Parse(null)));
}
