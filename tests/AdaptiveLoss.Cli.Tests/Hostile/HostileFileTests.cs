using System.Diagnostics;
using System.Text.Json.Nodes;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// Files that are not what they claim — a device, a FIFO, gigabytes, weights that make π non-finite — are refused in
/// one line naming the file, exit 2, nothing written, under the memory ceiling, and never hang (docs/design.md §4).
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-hostile-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PolicyImport_DevZero_Refused()
    {
        var result = await HostileRun.CliAsync(_folder, "policy", "import", "/dev/zero");

        HostileRun.AssertRefused(result, "policy snapshot /dev/zero: is a character device, not a regular file");
    }

    [Fact]
    public async Task PolicyImport_Fifo_RefusedWithoutHanging()
    {
        var fifo = await MkfifoAsync(Path.Combine(_folder, "policy.json"));

        var result = await HostileRun.CliAsync(_folder, "policy", "import", fifo);

        HostileRun.AssertRefused(result, $"policy snapshot {fifo}: is a FIFO, not a regular file");
    }

    [Fact]
    public async Task Report_SparseHistoryOfGigabytes_RefusedWithoutReadingIt()
    {
        var run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        using (var history = File.Create(Path.Combine(run, "history.json")))
        {
            history.SetLength(2_500_000_000);
        }

        var result = await HostileRun.CliAsync(_folder, "report", run);

        HostileRun.AssertRefused(result, $"{run}/history.json: is larger than 64 MiB");
        Assert.Equal($"ala: {run}/history.json: is larger than 64 MiB", result.ErrorLines[0]);
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/dev/urandom", "is a character device, not a regular file")]
    public async Task Report_HistoryLinkedToADevice_Refused(string device, string problem)
    {
        var run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        File.CreateSymbolicLink(Path.Combine(run, "history.json"), device);

        var result = await HostileRun.CliAsync(_folder, "report", run);

        HostileRun.AssertRefused(result, $"{run}/history.json: {problem}");
        Assert.Equal($"ala: {run}/history.json: {problem}", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Report_HistoryFifo_RefusedWithoutHanging()
    {
        var run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        await MkfifoAsync(Path.Combine(run, "history.json"));

        var result = await HostileRun.CliAsync(_folder, "report", run);

        HostileRun.AssertRefused(result, $"{run}/history.json: is a FIFO, not a regular file");
    }

    [Fact]
    public async Task PolicyImport_HugeFiniteWeightsWithAValidHash_Refused()
    {
        var file = HugeWeights();

        var result = await HostileRun.CliAsync(_folder, "policy", "import", file);

        HostileRun.AssertRefused(result, $"policy snapshot {file}: parameter 0 is 1E+300, beyond the ±1000000 a usable policy's weights stay within");
    }

    [Fact]
    public async Task RunWithPolicy_HugeFiniteWeightsWithAValidHash_Refused()
    {
        var data = HostileData.IdxFolder(_folder);
        var file = HugeWeights();

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, "--validation-size", "20", "--policy", file);

        HostileRun.AssertRefused(result, $"policy snapshot {file}: parameter 0 is 1E+300, beyond the ±1000000");
    }

    [Fact]
    public async Task RunWithPhi_Fifo_RefusedWithoutHanging()
    {
        var data = HostileData.IdxFolder(_folder);
        var fifo = await MkfifoAsync(Path.Combine(_folder, "phi.json"));

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, "--loss", "fixed", "--phi", fifo);

        HostileRun.AssertRefused(result, $"--phi '{fifo}' is a FIFO, not a regular file");
    }

    [Fact]
    public async Task Resume_RunRecordLinkedToDevZero_Refused()
    {
        var runs = Directory.CreateDirectory(Path.Combine(_folder, "state", "runs")).FullName;
        File.CreateSymbolicLink(Path.Combine(runs, "e1.json"), "/dev/zero");

        var result = await HostileRun.CliAsync(_folder, "resume", "e1", "--state", Path.Combine(_folder, "state"));

        HostileRun.AssertRefused(result, $"run record {runs}/e1.json: is a character device, not a regular file");
    }

    [Fact]
    public async Task Report_OutOfMemory_OneLineAndExitOneNotACrash()
    {
        // A 50 MiB history is within the limit; a 32 MiB GC heap cannot hold it, so reading it runs out of memory.
        var run = Directory.CreateDirectory(Path.Combine(_folder, "run")).FullName;
        File.WriteAllText(Path.Combine(run, "history.json"), new string(' ', 50 << 20));
        var environment = new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x2000000" };

        var result = await HostileRun.RunAsync(RepositoryPaths.CliDll, _folder, TimeSpan.FromMinutes(1), environment, ["report", run]);

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, expected 1; stderr:\n{result.StandardError}");
        Assert.Equal("ala: out of memory", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Written);
    }

    // A valid 24 → 8 → 8 → 3 snapshot with every weight ±1e300 and its sha256 recomputed: only the finite check can refuse it.
    private string HugeWeights()
    {
        var snapshot = PolicySnapshot.Of("huge", 1, new PolicyNetwork(24, 8, seed: 3), DateTimeOffset.UnixEpoch, new("fashion-mnist", "cnn", 10, 1, 24));
        double[] parameters = [.. snapshot.Parameters.Select((_, i) => i % 2 == 0 ? 1e300 : -1e300)];
        var document = JsonNode.Parse(PolicySnapshotCodec.Encode(snapshot))!.AsObject();
        document["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)JsonValue.Create(p))]);
        document["sha256"] = PolicySnapshotCodec.Hash(snapshot.Inputs, snapshot.Hidden, parameters);
        var path = Path.Combine(_folder, "huge.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static async Task<string> MkfifoAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        await mkfifo.WaitForExitAsync();
        return path;
    }
}
