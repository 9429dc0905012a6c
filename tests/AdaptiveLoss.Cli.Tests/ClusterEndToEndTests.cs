using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// The real split (docs/cluster.md): a standalone <c>ala-silo</c> process and <c>ala run --cluster localhost:PORT</c> as a
/// pure client; then <c>ala status</c> reads the finished experiment from the silo. Needs dataset-fashion-mnist.
/// </summary>
public sealed class ClusterEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ala-cluster-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Run_AgainstAStandaloneSilo_WritesResultsAndStatusReadsThem()
    {
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(60));
        var cluster = $"localhost:{silo.GatewayPort}";
        var outDir = Path.Combine(_work, "out");

        // --progress bars forces the terminal view although stdout is a pipe here.
        var run = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(4), "run", "--cluster", cluster, "--experiment-id", "split-1",
            "--train-limit", "1000", "--validation-size", "1000", "--epochs", "1", "--children", "2", "--window", "4", "--out", outDir,
            "--progress", "bars");
        var status = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "split-1", "--cluster", cluster);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}\nsilo:\n{silo.Log}");
        Assert.Contains($"on cluster {cluster}", run.StandardOutput);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        ResultsAssertions.AssertValid(json.RootElement, children: 2);
        Assert.Contains("Experiment split-1 started", silo.Log); // the silo, not an embedded one, ran it
        var version = json.RootElement.GetProperty("policy").GetProperty("version").GetInt64();
        Assert.Equal(version, new AdaptiveLoss.Core.Policy.Snapshots.PolicyStore(silo.StateDirectory).Latest("split-1")); // silo --state
        Assert.False(Directory.Exists(Path.Combine(_work, "state")), "with --cluster the CLI's state folder is not used");
        AssertFinalFrame(run.StandardOutput);

        Assert.True(status.ExitCode == 0, status.StandardError);
        var table = status.StandardOutput.Split('\n');
        Assert.Equal("experiment split-1: completed", table[0][..table[0].LastIndexOf(',')]);
        Assert.StartsWith("child state      epoch   window          iter  val-error   reward    img/s  policy  test-error", table[1]);
        foreach (var child in json.RootElement.GetProperty("children").EnumerateArray())
        {
            // Row "i  completed  1/1  ...  <test error>": the status table and results.json agree.
            var index = child.GetProperty("id").GetString()!.Split('/')[1];
            var row = Assert.Single(table, l => l.StartsWith(index + " ", StringComparison.Ordinal));
            Assert.Matches($@"^{index} +completed +1/1 ", row);
            Assert.EndsWith((child.GetProperty("testError").GetDouble() * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%", row.TrimEnd());
        }

        Assert.StartsWith("policy split-1: version ", table[4]);
    }

    [Fact]
    public async Task Run_NoSiloAtTheGateway_ExitsOneWithOneLine()
    {
        var port = AdaptiveLoss.Cli.Hosting.FreePorts.Pick(1)[0];

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "x", "--cluster", $"localhost:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"ala: cannot reach the cluster at localhost:{port} (is ./ala-silo running?): Unable to connect to any of the 1 available gateways."], result.ErrorLines);
    }

    /// <summary>The last frame of the bars stays in the output, above the summary, with both children completed.</summary>
    private static void AssertFinalFrame(string output)
    {
        var frames = output.Split("\r\u001b[3A");
        Assert.True(frames.Length > 2, "the frame was drawn once and then redrawn in place");
        var last = frames[^1][..frames[^1].IndexOf("\nchild ", StringComparison.Ordinal)].Split('\n');
        Assert.StartsWith("\u001b[2Kexperiment split-1  completed  2/2 children ended", last[0]);
        Assert.All(last[1..3], l => Assert.Matches("^\u001b\\[2Kchild [01] +completed +\\[█+\\] 100%  .*  test-error \\d+\\.\\d\\d%$", l));
        Assert.DoesNotContain("[child 0] epoch", output); // no line view besides the bars
    }
}
