using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The transfer plans by task (docs/policy-snapshots.md): the exact flags of every run of the pair-flip plan, the credit
/// design on the learning run and every ALA arm but never on ce, where each plan ships, and <c>--task</c>/<c>--design</c> errors.
/// </summary>
public sealed class TransferPlanTests : IDisposable
{
    private const string State = "/runs/transfer-pairflip/state";
    private readonly TempFolder _temp = new();
    private readonly StringWriter _log = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _temp.Dispose();

    // What BenchBatch passes to ala run for one arm of one task: the shared flags, then the arm's.
    private static string[] Command(TransferPlan plan, string task, Arm arm) =>
        [.. TransferAnalysis.ApplyFlags(plan, plan.Tasks.Single(t => t.Name == task)), .. arm.Flags];

    private static Arm ArmOf(TransferPlan plan, string name) => TransferArms.All("transfer-pairflip-learn@66", plan.Design).Single(a => a.Name == name);

    [Fact]
    public void PairFlip_LearningRun_PairFlipNoiseOnTheDefaultPairsLongBudgetSeedOne() =>
        Assert.Equal(
            ["--model", "mlp", "--children", "8", "--epochs", "30", "--seed", "1", "--data-seed", "1", "--label-noise", "pairflip:0.4", "--state", State],
            TransferAnalysis.LearnFlags(TransferPlans.For("pairflip", smoke: false, design: null), State));

    [Theory]
    [InlineData("fresh", "--label-noise pairflip:0.4")]
    [InlineData("pairs", "--label-noise pairflip:0.4:1-3,4-6,7-9")]
    [InlineData("longtail10", "--imbalance 10 --metric balanced-error")]
    public void PairFlip_EveryArmOfATask_SharesTheTasksDataFlagsAndSeeds(string task, string taskFlags)
    {
        var plan = TransferPlans.For("pairflip", smoke: false, design: null);
        const string Shared = "--model mlp --children 8 --epochs 10 --seed 101 --data-seed 1";

        Assert.Equal($"{Shared} {taskFlags} --loss ce", string.Join(' ', Command(plan, task, ArmOf(plan, "ce"))));
        Assert.Equal($"{Shared} {taskFlags} --policy transfer-pairflip-learn@66 --freeze-policy", string.Join(' ', Command(plan, task, ArmOf(plan, "learned"))));
        Assert.Equal($"{Shared} {taskFlags} --freeze-policy", string.Join(' ', Command(plan, task, ArmOf(plan, "random"))));
        Assert.Equal($"{Shared} {taskFlags} --policy transfer-pairflip-learn@66", string.Join(' ', Command(plan, task, ArmOf(plan, "continued"))));
    }

    [Fact]
    public void PairFlip_Tasks_FreshFirstForTheShippingRuleAndTheLongTailOnBalancedError()
    {
        var plan = TransferPlans.For("pairflip", smoke: false, design: null);

        Assert.Equal(["fresh", "pairs", "longtail10"], plan.Tasks.Select(t => t.Name));
        Assert.Equal(["error", "error", "balancedError"], plan.Tasks.Select(t => t.Headline));
    }

    [Fact]
    public void Design_OnTheLearningRunAndEveryAlaArm_NeverOnCe()
    {
        var plan = TransferPlans.For("pairflip", smoke: false, design: "--phi-groups all  --policy-lr 0.03");

        Assert.Equal(["--phi-groups", "all", "--policy-lr", "0.03"], plan.Design);
        Assert.Equal(["--label-noise", "pairflip:0.4", "--phi-groups", "all", "--policy-lr", "0.03", "--state", State], TransferAnalysis.LearnFlags(plan, State).Skip(10));
        Assert.Equal(["--loss", "ce"], ArmOf(plan, "ce").Flags);
        Assert.Equal(["--policy", "transfer-pairflip-learn@66", "--freeze-policy", "--phi-groups", "all", "--policy-lr", "0.03"], ArmOf(plan, "learned").Flags);
        Assert.Equal(["--freeze-policy", "--phi-groups", "all", "--policy-lr", "0.03"], ArmOf(plan, "random").Flags);
        Assert.Equal(["--policy", "transfer-pairflip-learn@66", "--phi-groups", "all", "--policy-lr", "0.03"], ArmOf(plan, "continued").Flags);
    }

    [Fact]
    public void Design_EveryRunOfEveryPlan_NamesEachFlagOnce()
    {
        foreach (var plan in new[] { TransferPlans.For("clean", false, "--siblings 2"), TransferPlans.For("pairflip", true, "--siblings 2") })
        {
            IEnumerable<string[]> runs = [[.. TransferAnalysis.LearnFlags(plan, State)], .. plan.Tasks.SelectMany(t => TransferArms.All("x@1", plan.Design).Select(a => Command(plan, t.Name, a)))];
            Assert.All(runs.Select(r => r.Where(f => f.StartsWith("--", StringComparison.Ordinal)).ToArray()), flags => Assert.Equal(flags.Length, flags.Distinct().Count()));
        }
    }

    [Fact]
    public void Plans_FolderPolicyIdReportAndShipTarget_CleanKeepsItsOwnAMismatchPlanNeverReplacesThem()
    {
        var clean = TransferPlans.For("clean", smoke: false, design: null);
        var pairflip = TransferPlans.For("pairflip", smoke: false, design: null);

        Assert.Equal(("transfer", "transfer-learn", "transfer.json", "policies/fashion-mnist-mlp.json"), (clean.Folder, clean.LearnedPolicyId, clean.FileName, clean.ShippedPolicy));
        Assert.Equal(
            ("transfer-pairflip", "transfer-pairflip-learn", "transfer-pairflip.json", "policies/fashion-mnist-mlp-pairflip.json"),
            (pairflip.Folder, pairflip.LearnedPolicyId, pairflip.FileName, pairflip.ShippedPolicy));
        Assert.True(pairflip.IsEvidence);
        Assert.False(TransferPlans.For("pairflip", smoke: true, design: null).IsEvidence);
        Assert.Same(TransferPlan.Full.LearnFlags, clean.LearnFlags);
    }

    [Fact]
    public void Design_ADataFlagOfATask_RefusedNamingIt() =>
        Assert.Equal(
            "--design: --label-noise is set by the transfer plan itself and cannot be changed",
            Assert.Throws<BenchUsageException>(() => TransferPlans.For("pairflip", smoke: false, design: "--label-noise symmetric:0.4")).Message);

    [Theory]
    [InlineData("--task", "noisy")]
    [InlineData("--task", "Clean")]
    [InlineData("--design", "phi-groups all")]
    [InlineData("--design", "--loss ce")]
    [InlineData("--design", "--seed 5")]
    [InlineData("--design", "--epochs 3")]
    [InlineData("--design", "--siblings 2 --siblings 3")]
    [InlineData("--jobs", "0")]
    public async Task Transfer_BadTaskOrDesign_ExitTwoOneLineNothingRun(string flag, string value)
    {
        var rc = await BenchApp.RunAsync(
            ["transfer", flag, value, "--runs", _temp.Combine("runs"), "--out", _temp.Combine("out"), "--ala", "/nonexistent/ala"],
            [new TransferSuite()], new NoFigureRenderer(), _log, _error, CancellationToken.None);

        Assert.Equal(2, rc);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(flag, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("runs")));
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }
}
