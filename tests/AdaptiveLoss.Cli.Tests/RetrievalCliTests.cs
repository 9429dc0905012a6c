using System.Text.Json;
using AdaptiveLoss.Cli.Tests.Hostile;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// <c>ala run --task retrieval</c> through the built <c>ala</c> (docs/retrieval.md): a tiny run on generated IDX data
/// reports every retrieval metric per child and the bin weights; bad input is one line, exit 2, nothing written.
/// </summary>
public sealed class RetrievalCliTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ala-retrieval-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("--task retrieval --metric error", "ala: --metric is a classification metric; --task retrieval takes recall@1, recall@2, recall@4, recall@8, nmi or aucpr")]
    [InlineData("--metric nmi", "ala: --metric is a retrieval metric, for --task retrieval only (classification takes error, f1, aucpr or balanced-error)")]
    [InlineData("--task retrieval --credit pair", "ala: --credit pair is for classification only (a class pair's share of the metric); --task retrieval takes global")]
    [InlineData("--task retrieval --train-classes 9", "ala: --train-classes must be in 2..8 (got 9): two classes at least train and two are tested")]
    [InlineData("--task retrieval --loss focal", "ala: --loss must be ala or fixed (the margin loss with every bin weight at 1) for --task retrieval")]
    [InlineData("--task retrieval --bins 0", "ala: --bins must be in 1..1000 (got 0)")]
    [InlineData("--train-classes 3", "ala: --train-classes splits the classes for --task retrieval only")]
    [InlineData("--task retrieval --data {small}", "Recall@8 needs a gallery of 8 images, but the test split has 5 of the unseen classes 5..9")]
    public async Task Run_BadRetrievalInput_ExitTwoWithOneLineAndWriteNothing(string flags, string expected)
    {
        // 15 test images (labels i mod 10): 5 of the unseen classes, too few for a query and 8 neighbours.
        var small = HostileData.IdxFolder(Directory.CreateDirectory(Path.Combine(_work, "inputs")).FullName, train: 200, test: 15);
        var run = Directory.CreateDirectory(Path.Combine(_work, "cwd")).FullName;
        var outDir = Path.Combine(_work, "out");

        var args = flags.Replace("{small}", small, StringComparison.Ordinal).Split(' ');
        var result = await CliProcess.RunAsync(run, TimeSpan.FromSeconds(60), ["run", .. args, "--out", outDir]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(expected, line);
        Assert.StartsWith("ala: ", line);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.False(Directory.Exists(outDir), "the out folder must not be created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(run));
    }

    [Fact]
    public async Task Run_TinyRetrieval_ReportsEveryRetrievalMetricPerChildAndTheBinWeights()
    {
        var data = HostileData.IdxFolder(_work, train: 400, test: 100);
        var outDir = Path.Combine(_work, "out");

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(3),
            "run", "--task", "retrieval", "--data", data, "--model", "mlp", "--children", "2", "--epochs", "2", "--validation-size", "40",
            "--window", "4", "--batch-size", "32", "--bins", "4", "--embedding-dim", "8", "--beta", "0.1", "--progress", "lines",
            "--out", outDir, "--state", Path.Combine(_work, "state"));

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Contains("(retrieval on the unseen classes)", result.StandardOutput);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        var root = json.RootElement;
        Assert.Equal(("retrieval", "recall@1"), (root.GetProperty("task").GetString(), root.GetProperty("metric").GetString()));
        Assert.Equal(2, root.GetProperty("children").GetArrayLength());
        foreach (var child in root.GetProperty("children").EnumerateArray())
        {
            var retrieval = child.GetProperty("test").GetProperty("retrieval");
            foreach (var name in new[] { "recall1", "recall2", "recall4", "recall8", "nmi", "aucpr" })
            {
                Assert.InRange(retrieval.GetProperty(name).GetDouble(), 0, 1);
            }

            Assert.Equal(1 - retrieval.GetProperty("recall1").GetDouble(), child.GetProperty("testError").GetDouble(), 9);
            Assert.Equal(retrieval.GetProperty("recall1").GetDouble(), child.GetProperty("testMetric").GetDouble());
            var bins = child.GetProperty("phiBins");
            Assert.Equal((4, 4), (bins.GetProperty("positive").GetArrayLength(), bins.GetProperty("negative").GetArrayLength()));
            Assert.Equal(JsonValueKind.Null, child.GetProperty("phiMatrix").ValueKind);
        }
    }
}
