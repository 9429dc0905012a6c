using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// Sibling rounds through the built <c>ala</c> (docs/credit.md): bad combinations are one line naming the option, exit
/// 2, nothing written; a tiny run reports its siblings' rewards, its compute and what branching cost.
/// </summary>
public sealed class SiblingCliTests : IDisposable
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";

    private readonly string _work = Directory.CreateTempSubdirectory("ala-siblings-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("--siblings 0", "ala: --siblings must be in 1..16 (got 0)")]
    [InlineData("--siblings two", "ala: --siblings")]
    [InlineData("--siblings 2 --loss ce", "ala: --siblings branches differ only in the policy's actions, so they need --loss ala")]
    [InlineData("--siblings 2 --baseline ema", "ala: --siblings compares each branch with its siblings of the round: it needs --baseline population")]
    [InlineData("--antithetic", "ala: --antithetic mirrors sibling 2k into 2k + 1, so it needs an even --siblings of at least 2 (got 1)")]
    public async Task Run_BadSiblingValue_ExitTwoWithOneLineNamingTheOptionAndWriteNothing(string flags, string expectedStart)
    {
        var outDir = Path.Combine(_work, "out");
        var run = Path.Combine(_work, "cwd");
        Directory.CreateDirectory(run);

        var result = await CliProcess.RunAsync(run, TimeSpan.FromSeconds(60), ["run", .. flags.Split(' '), "--out", outDir]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith(expectedStart, result.ErrorLines[0]);
        Assert.False(Directory.Exists(outDir), "the out folder must not be created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(run));
    }

    [Fact]
    public async Task Run_AntitheticSiblings_ReportsEverySiblingsRewardTheComputeAndTheBranchingCost()
    {
        Assert.True(File.Exists(Path.Combine(FashionMnist, "train-images-idx3-ubyte.gz")), "install dataset-fashion-mnist (apt-get)");
        var outDir = Path.Combine(_work, "run");

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(5),
        [
            "run", "--model", "mlp", "--train-limit", "2000", "--validation-size", "500", "--epochs", "1", "--children", "2",
            "--window", "5", "--progress", "lines", "--siblings", "2", "--antithetic", "--out", outDir, "--state", Path.Combine(_work, "state"),
        ]);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("childEpochs").GetInt32());   // 2 children × 2 siblings × 1 epoch
        var settings = root.GetProperty("lossSettings");
        Assert.Equal(2, settings.GetProperty("siblings").GetInt32());
        Assert.True(settings.GetProperty("antithetic").GetBoolean());
        var children = root.GetProperty("children").EnumerateArray().ToArray();
        Assert.Equal(2, children.Length);
        foreach (var child in children)
        {
            var costs = child.GetProperty("siblingCosts");
            var branching = costs.GetProperty("branchingSeconds").GetDouble();
            Assert.InRange(branching, double.Epsilon, costs.GetProperty("windowSeconds").GetDouble());
            var id = child.GetProperty("id").GetString()!;
            var windows = child.GetProperty("windows").GetInt32();
            // Both siblings of every window reached the policy, under their own ids.
            foreach (var sibling in new[] { $"{id}~0", $"{id}~1" })
            {
                Assert.Equal(windows, root.GetProperty("rewards").EnumerateArray().Count(r => r.GetProperty("childId").GetString() == sibling));
            }
        }
    }
}
