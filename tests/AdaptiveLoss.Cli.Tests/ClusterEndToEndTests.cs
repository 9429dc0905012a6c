using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// Issue 2 item 5, the real split: a standalone <c>ala-silo</c> process and <c>ala run --cluster localhost:PORT</c> as a
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

        var run = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(4), "run", "--cluster", cluster, "--experiment-id", "split-1",
            "--train-limit", "1000", "--validation-size", "1000", "--epochs", "1", "--children", "2", "--window", "4", "--out", outDir);
        var status = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "split-1", "--cluster", cluster);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}\nsilo:\n{silo.Log}");
        Assert.Contains($"on cluster {cluster}", run.StandardOutput);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        ResultsAssertions.AssertValid(json.RootElement, children: 2);
        Assert.Contains("Experiment split-1 started", silo.Log); // the silo, not an embedded one, ran it
        Assert.True(status.ExitCode == 0, status.StandardError);
        Assert.Contains("experiment split-1: completed", status.StandardOutput);
        Assert.Equal(2, status.StandardOutput.Split('\n').Count(l => l.Contains(" completed ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_NoSiloAtTheGateway_ExitsOneWithOneLine()
    {
        var port = AdaptiveLoss.Cli.Hosting.FreePorts.Pick(1)[0];

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "x", "--cluster", $"localhost:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"ala: cannot reach the cluster at localhost:{port} (is ./ala-silo running?): Unable to connect to any of the 1 available gateways."], result.ErrorLines);
    }
}
