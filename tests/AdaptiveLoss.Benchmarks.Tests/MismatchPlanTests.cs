using System.Text.Json;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The mismatch plan: which arms run on which task, the exact flags of each run, the static Φ files.</summary>
public sealed class MismatchPlanTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string[] ArmsOf(string task) => [.. MismatchPlan.Full.ArmsOf(MismatchTasks.Find(task)!).Select(a => a.Name)];

    [Fact]
    public void Full_ArmsPerTask_ByFamily()
    {
        Assert.Equal(["ce", "ls0.1", "ls0.2", "focal2", "phi-all0.1", "ala", "frozen", "ala-pair", "ala-h2", "frozen-h2", "ala-sib", "ala-sib-lr0.03", "frozen-sib", "ce-20ep"], ArmsOf("clean"));
        Assert.Equal(["ce", "focal2", "cb0.999", "la1", "phi-all0.1", "ala", "frozen", "ala-pair", "ala-h2", "frozen-h2", "ala-sib", "ala-sib-lr0.03", "frozen-sib", "ce-20ep", "ala-offsets", "frozen-offsets"], ArmsOf("longtail100"));
        Assert.Equal(["ce", "ls0.1", "ls0.2", "forward", "phi-all0.1", "phi-all0.2", "ala", "frozen", "ala-pair", "ala-h2", "frozen-h2", "ala-sib", "ala-sib-lr0.03", "frozen-sib", "ce-20ep", "ala-all", "frozen-all"], ArmsOf("symmetric0.4"));
        Assert.Equal(["ce", "ls0.1", "ls0.2", "forward", "phi-all0.1", "phi-all0.2", "phi-flip-neg0.2", "phi-flip-pos0.2", "ala", "frozen", "ala-pair", "ala-h2", "frozen-h2", "ala-sib", "ala-sib-lr0.03", "frozen-sib", "ce-20ep", "ala-all", "frozen-all"], ArmsOf("pairflip0.4"));
        Assert.Equal(["ce", "ls0.2", "forward", "phi-all0.2", "ala", "frozen"], ArmsOf("pairflip0.4-cnn"));
        Assert.Equal(88, MismatchPlan.Full.Runs(_temp.Path).Sum(r => r.Arms.Count));
    }

    [Fact]
    public void Full_EveryRun_NamesEachFlagOnce() =>
        Assert.All(MismatchPlan.Full.Runs(_temp.Path).SelectMany(r => r.Arms.Select(a => FlagList.Override(r.SharedFlags, a.Flags).Where(f => f.StartsWith("--", StringComparison.Ordinal)).ToList())),
            flags => Assert.Equal(flags.Count, flags.Distinct().Count()));

    [Fact]
    public void Full_CrossEntropyAtTheSiblingsCompute_ReplacesTheBudgetsEpochs()
    {
        var run = MismatchPlan.Full.Runs(_temp.Path, ["pairflip0.4"], ["ce-20ep", "ala-sib"]).Single();
        string Epochs(int arm)
        {
            var flags = FlagList.Override(run.SharedFlags, run.Arms[arm].Flags).ToList();
            return flags[flags.IndexOf("--epochs") + 1];
        }

        // Two siblings × 10 epochs per lineage against one child × 20 epochs: 160 child-epochs each.
        Assert.Equal(("ala-sib", "10"), (run.Arms[0].Name, Epochs(0)));
        Assert.Equal(("ce-20ep", "20"), (run.Arms[1].Name, Epochs(1)));
    }

    [Fact]
    public void FlagList_Override_ReplacesValuesInPlaceAndAppendsTheRest() =>
        Assert.Equal(["--model", "cnn", "--epochs", "3", "--x", "--y", "1"], FlagList.Override(["--model", "mlp", "--epochs", "3"], ["--model", "cnn", "--x", "--y", "1"]));

    [Fact]
    public void Full_EveryRun_HasAnExperimentIdTheCliAccepts() =>
        Assert.All(MismatchPlan.Full.Runs(_temp.Path).SelectMany(r => r.Arms.Select(a => $"{r.Prefix}-{a.Name}")),
            id => Assert.True(AdaptiveLoss.Core.Policy.Snapshots.PolicyReference.IsValidId(id), $"ala refuses --experiment-id {id}"));

    [Fact]
    public void Runs_Filters_SelectedTasksInPlanOrderWithTheirSelectedArmsOnly()
    {
        var runs = MismatchPlan.Full.Runs(_temp.Path, ["longtail10", "clean", "symmetric0.4"], ["la1", "ce"]);

        Assert.Equal(["clean", "longtail10", "symmetric0.4"], runs.Select(r => r.Task.Name));
        Assert.Equal(["ce", "la1"], runs[1].Arms.Select(a => a.Name));
        Assert.Equal(["ce"], runs[2].Arms.Select(a => a.Name));
        Assert.Empty(MismatchPlan.Full.Runs(_temp.Path, ["clean"], ["la1"]));
    }

    [Fact]
    public void Runs_CnnTaskStaticPhiArm_SharedThenTaskThenArmFlagsAndItsFolder()
    {
        var run = MismatchPlan.Full.Runs(_temp.Path, ["pairflip0.4-cnn"], ["phi-all0.2"]).Single();
        var phi = Path.Combine(_temp.Path, "mismatch", "phi", "phi-all0.2.json");

        // ala run refuses a repeated flag: the task's --model and --epochs replace the budget's.
        Assert.Equal(
            ["--model", "cnn", "--children", "8", "--epochs", "3", "--seed", "1", "--data-seed", "1", "--label-noise", "pairflip:0.4"],
            run.SharedFlags);
        Assert.Equal(["--loss", "fixed", "--phi", phi], run.Arms.Single().Flags);
        Assert.Equal((Path.Combine(_temp.Path, "mismatch", "pairflip0.4-cnn"), "mismatch-pairflip0.4-cnn"), (run.Folder, run.Prefix));
    }

    [Theory]
    [InlineData("longtail10", "cb0.999", "--imbalance 10 --metric balanced-error --loss class-balanced --cb-beta 0.999")]
    [InlineData("longtail100", "la1", "--imbalance 100 --metric balanced-error --loss logit-adjusted --tau 1")]
    [InlineData("symmetric0.4", "ls0.2", "--label-noise symmetric:0.4 --loss label-smoothing --smoothing 0.2")]
    [InlineData("clean", "focal2", "--loss focal --focal-gamma 2")]
    [InlineData("pairflip0.4", "forward", "--label-noise pairflip:0.4 --loss forward")]
    [InlineData("clean", "ala", "")]
    [InlineData("clean", "frozen", "--freeze-policy")]
    [InlineData("longtail10", "frozen-offsets", "--imbalance 10 --metric balanced-error --class-offsets --freeze-policy")]
    public void Runs_EveryRun_FullBudgetThenTaskAndArmFlags(string task, string arm, string flags)
    {
        var run = MismatchPlan.Full.Runs(_temp.Path, [task], [arm]).Single();

        var all = string.Join(' ', [.. run.SharedFlags, .. run.Arms.Single().Flags]);
        Assert.Equal($"--model mlp --children 8 --epochs 10 --seed 1 --data-seed 1 {flags}".TrimEnd(), all);
    }

    [Fact]
    public void Smoke_TwoTasksFourArmsTinyBudget()
    {
        var runs = MismatchPlan.Smoke.Runs(_temp.Path);

        Assert.Equal(["clean", "pairflip0.4"], runs.Select(r => r.Task.Name));
        Assert.All(runs, r => Assert.Equal(["ce", "phi-all0.1", "ala", "frozen"], r.Arms.Select(a => a.Name)));
        Assert.Equal(
            "--model mlp --children 2 --epochs 1 --seed 1 --data-seed 1 --train-limit 600 --validation-size 200 --window 4",
            string.Join(' ', MismatchPlan.Smoke.Flags));
        Assert.False(MismatchPlan.Smoke.IsEvidence);
    }

    [Theory]
    [InlineData("phi-all0.1", 0.1, 0)]
    [InlineData("phi-all0.2", 0.2, 0)]
    [InlineData("phi-flip-neg0.2", 0, -0.2)]
    [InlineData("phi-flip-pos0.2", 0, 0.2)]
    public void WritePhiFiles_EveryStaticArm_SymmetricTenByTenUnitDiagonalShiftedAsNamed(string arm, double other, double flipped)
    {
        var written = MismatchPlan.Full.WritePhiFiles(_temp.Path);

        var path = Path.Combine(_temp.Path, "mismatch", "phi", $"{arm}.json");
        Assert.Contains(path, written);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var phi = json.RootElement.GetProperty("phi").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Single(json.RootElement.EnumerateObject());
        Assert.Equal(10, phi.Length);
        int[][] pairs = [[0, 6], [6, 0], [2, 4], [4, 2], [5, 7], [7, 5]];
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(10, phi[i].Length);
            for (var j = 0; j < 10; j++)
            {
                var expected = i == j ? 1 : pairs.Any(p => p[0] == i && p[1] == j) ? other + flipped : other;
                Assert.Equal(expected, phi[i][j], 12);
            }
        }
    }
}
