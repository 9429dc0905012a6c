using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// The built <c>ala</c> as a process (CLI end to end). The training run needs real Fashion-MNIST:
/// <c>apt-get install dataset-fashion-mnist</c> (.ci/run installs it).
/// </summary>
public sealed class CliEndToEndTests : IDisposable
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private readonly string _work = Directory.CreateTempSubdirectory("ala-e2e-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("run --children 0", "ala: --children must be in 1..1024 (got 0)")]
    [InlineData("run --task nosuch", "ala: --task must be one of fashion-mnist, idx, cifar10, retrieval (got 'nosuch')")]
    [InlineData("run --data /nonexistent", "ala: --data folder '/nonexistent' does not exist")]
    [InlineData("run --task idx --data /nonexistent", "ala: --data folder '/nonexistent' does not exist")]
    [InlineData("run --cluster etcd://localhost:2379", "ala: --cluster: clustering 'etcd' is not available (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)")]
    [InlineData("run --cluster redis://localhost:0", "ala: --cluster: expected " + AdaptiveLoss.Grains.Clustering.RedisTarget.Forms)]
    [InlineData("run --telemetry bogus", "ala: --telemetry must be one of none, console, otlp (got 'bogus')")]
    [InlineData("nosuch", "ala: unknown command 'nosuch' (run, resume, status, report or policy; see ala --help)")]
    public async Task Run_BadArguments_ExitTwoWithOneLineAndWriteNothing(string commandLine, string expected)
    {
        var outDir = Path.Combine(_work, "out");
        var result = await CliProcess.RunAsync(_work, TimeSpan.FromSeconds(60), [.. commandLine.Split(' '), "--out", outDir]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expected], result.ErrorLines);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.False(Directory.Exists(outDir), "the out folder must not be created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    [Fact]
    public async Task Help_ExitsZeroAndListsTheCommands()
    {
        var result = await CliProcess.RunAsync(_work, TimeSpan.FromSeconds(60), "run", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--train-limit N", result.StandardOutput);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    [Fact]
    public async Task Run_SmallExperiment_WritesAValidResultsJsonHistoryPlotsAndTensorBoardEvents()
    {
        Assert.True(File.Exists(Path.Combine(FashionMnist, "train-images-idx3-ubyte.gz")), "install dataset-fashion-mnist (apt-get)");
        var outDir = Path.Combine(_work, "out");

        var tensorBoard = Path.Combine(_work, "tb");
        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(5),
            "run", "--train-limit", "2000", "--epochs", "1", "--children", "2", "--window", "4", "--out", outDir, "--tensorboard", tensorBoard);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("[child 0] epoch 1 window 1", result.StandardOutput);
        Assert.Contains(Path.Combine(outDir, "results.json"), result.StandardOutput);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        ResultsAssertions.AssertValid(json.RootElement, children: 2);

        // Next to it: the full history and the four plots, their paths in the summary.
        using var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "history.json")));
        RunFilesAssertions.AssertHistoryMatches(history.RootElement, json.RootElement);
        RunFilesAssertions.AssertPlots(outDir);
        Assert.Contains($"history: {Path.Combine(outDir, "history.json")}", result.StandardOutput);
        Assert.All(RunFilesAssertions.PlotNames, name => Assert.Contains($"plot: {Path.Combine(outDir, name)}", result.StandardOutput));

        // --tensorboard: one event file per child whose scalars are the history's windows.
        TensorBoardAssertions.AssertMatchesHistory(tensorBoard, history.RootElement);
        var experimentId = json.RootElement.GetProperty("experimentId").GetString()!;
        Assert.Contains($"tensorboard: {Path.Combine(tensorBoard, experimentId)} (open with: tensorboard --logdir {tensorBoard})", result.StandardOutput);

        // ala report redraws the plots from history.json alone and leaves results.json and history.json as they were.
        var before = (File.ReadAllBytes(Path.Combine(outDir, "results.json")), File.ReadAllBytes(Path.Combine(outDir, "history.json")));
        Assert.All(RunFilesAssertions.PlotNames, name => File.Delete(Path.Combine(outDir, name)));
        var report = await CliProcess.RunAsync(_work, TimeSpan.FromSeconds(60), "report", outDir);

        Assert.True(report.ExitCode == 0, $"exit {report.ExitCode}\n{report.StandardOutput}\n{report.StandardError}");
        RunFilesAssertions.AssertPlots(outDir);
        Assert.Equal(RunFilesAssertions.PlotNames.Select(n => $"plot: {Path.Combine(outDir, n)}"), report.StandardOutput.TrimEnd().Split('\n'));
        Assert.Equal(before.Item1, File.ReadAllBytes(Path.Combine(outDir, "results.json")));
        Assert.Equal(before.Item2, File.ReadAllBytes(Path.Combine(outDir, "history.json")));
    }

    [Theory]
    [InlineData("missing", null, "ala: run folder '{dir}' does not exist")]
    [InlineData("empty", null, "ala: no history.json in '{dir}' (ala run writes it next to results.json)")]
    [InlineData("corrupt", "{ not json", "ala: {dir}/history.json: not a run history: ")]
    [InlineData("partial", "{\"experimentId\": \"x\"}", "ala: {dir}/history.json: not a run history: experimentId, options, policy, children or rewards missing")]
    public async Task Report_BadRunFolder_ExitTwoWithOneLineAndDrawNothing(string folder, string? history, string expected)
    {
        var dir = Path.Combine(_work, folder);
        if (folder != "missing")
        {
            Directory.CreateDirectory(dir);
        }

        if (history is not null)
        {
            File.WriteAllText(Path.Combine(dir, "history.json"), history);
        }

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromSeconds(60), "report", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith(expected.Replace("{dir}", dir, StringComparison.Ordinal), result.ErrorLines[0]);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.png").Any(), "no plot may be drawn");
    }

    [Fact]
    public async Task Report_NoFolder_ExitTwo()
    {
        var result = await CliProcess.RunAsync(_work, TimeSpan.FromSeconds(60), "report");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["ala: report needs a run folder (see ala report --help)"], result.ErrorLines);
    }
}
