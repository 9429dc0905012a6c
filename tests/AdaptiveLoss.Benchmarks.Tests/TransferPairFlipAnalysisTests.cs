using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The pair-flip transfer plan's analysis on hand-made run folders under RUNS/transfer-pairflip: a learning run at
/// version 66; task fresh with ce 12..15 %, learned 2 pp below ce, random 12, 12, 14, 16 %; task longtail10 scored by
/// balanced error (every other metric is 0.99, so reading the plain error shows) with ce 30..33 %, learned 1 pp below
/// ce on every seed, random 31..34 %; task pairs not run.
/// </summary>
public sealed class TransferPairFlipAnalysisTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly TempFolder _temp = new();
    private readonly TransferPlan _plan = TransferPlans.For("pairflip", smoke: false, design: "--phi-groups all");

    public TransferPairFlipAnalysisTests()
    {
        var folder = _temp.Combine("runs", "transfer-pairflip");
        FakeRuns.Write(Path.Combine(folder, "learn"), "mlp", 30, "ala", [0.11, 0.11, 0.12, 0.12], policyVersion: 66);
        FakeRuns.Write(Path.Combine(folder, "fresh", "ce"), "mlp", 10, "ce", [0.12, 0.13, 0.14, 0.15]);
        FakeRuns.Write(Path.Combine(folder, "fresh", "learned"), "mlp", 10, "ala", [0.10, 0.11, 0.12, 0.13], policyVersion: 0);
        FakeRuns.Write(Path.Combine(folder, "fresh", "random"), "mlp", 10, "ala", [0.12, 0.12, 0.14, 0.16], policyVersion: 0);
        var longTail = new MismatchFakeRuns("balancedError", "balanced-error");
        foreach (var (arm, loss, test) in new[]
        {
            ("ce", "ce", new[] { 0.30, 0.31, 0.32, 0.33 }), ("learned", "ala", [0.29, 0.30, 0.31, 0.32]),
            ("random", "ala", [0.31, 0.32, 0.33, 0.34]), ("continued", "ala", [0.30, 0.30, 0.30, 0.30]),
        })
        {
            // Validation favours seed 3 (the lowest balanced error): the best child must be chosen low, not high.
            longTail.Write(_temp.Combine("lt"), "longtail10", arm, loss, test, [0.40, 0.35, 0.20, 0.45]);
            Directory.CreateDirectory(Path.Combine(folder, "longtail10"));
            Directory.Move(_temp.Combine("lt", "mismatch", "longtail10", arm), Path.Combine(folder, "longtail10", arm));
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Analyse_LearnedPolicyAndDesign_FromTheTaskFolderIntoEveryAlaArm()
    {
        var report = TransferAnalysis.Analyse(_plan, _temp.Combine("runs"));

        Assert.Equal("transfer-pairflip-learn@66", report.LearnedPolicy);
        Assert.Equal(("pairflip", "--phi-groups all"), (report.Task, report.Design));
        Assert.Equal(["fresh", "pairs", "longtail10"], report.Tasks.Select(t => t.Task));
        var fresh = report.Tasks[0].Arms;
        Assert.Equal("--policy transfer-pairflip-learn@66 --freeze-policy --phi-groups all", fresh[1].Flags);
        Assert.Equal("--loss ce", fresh[0].Flags);
        Assert.Contains("--label-noise pairflip:0.4:1-3,4-6,7-9 --loss ce --experiment-id transfer-pairflip-pairs-ce", report.Tasks[1].Arms[0].Command, StringComparison.Ordinal);
        Assert.Contains(report.Warnings, w => w.StartsWith("transfer-pairflip/pairs/ce: no results.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyse_LongTail_EveryNumberOnTestBalancedErrorAndTheBestChildByLowestValidation()
    {
        var task = TransferAnalysis.Analyse(_plan, _temp.Combine("runs")).Tasks[2];

        Assert.Equal("balancedError", task.Headline);
        Assert.Equal(31.5, task.Arms[0].TestError.Mean!.Value, Tolerance);
        Assert.Equal(-1, task.Arms[1].VersusCe!.Summary.Mean!.Value, Tolerance);
        Assert.Equal([-2, -2, -2, -2], task.LearnedVsRandom!.Differences.Select(d => Math.Round(d, 9)));
        Assert.Equal(3, task.Arms[0].BestByValidation!.Seed);
    }

    [Fact]
    public void SuiteAnalyse_PolicyThatHelps_ShippedToTheTaskNamedFileAndTheCleanReportAndPolicyUntouched()
    {
        var context = Context();
        var snapshot = _temp.Combine("runs", "transfer-pairflip", "state", "policies", "transfer-pairflip-learn", "66.json");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        File.WriteAllText(snapshot, "{\"snapshot\": 66}");
        var shipped = _temp.Combine("root", "policies", "fashion-mnist-mlp.json");
        Directory.CreateDirectory(Path.GetDirectoryName(shipped)!);
        File.WriteAllText(shipped, "clean");

        TransferSuite.Analyse(context, _plan, ship: true);

        Assert.Equal("{\"snapshot\": 66}", File.ReadAllText(_temp.Combine("root", "policies", "fashion-mnist-mlp-pairflip.json")));
        Assert.Equal("clean", File.ReadAllText(shipped));
        Assert.False(File.Exists(Path.Combine(context.ResultsDirectory, "transfer.json")));
        var report = BenchJson.Read<TransferReport>(Path.Combine(context.ResultsDirectory, "transfer-pairflip.json"));
        Assert.Equal("policies/fashion-mnist-mlp-pairflip.json", report.Ship.ShippedTo);
    }

    [Fact]
    public void Report_BothPlans_EachItsOwnSectionCleanFirst()
    {
        var context = Context();
        FakeRuns.Write(_temp.Combine("runs", "transfer", "learn"), "mlp", 30, "ala", [0.11, 0.11], policyVersion: 5);
        TransferSuite.Analyse(context, _plan, ship: false);
        TransferSuite.Analyse(context, TransferPlan.Full, ship: false);

        ReportWriter.Write(context.ResultsDirectory, context.MarkdownPath, context.FiguresDirectory);

        var markdown = File.ReadAllText(context.MarkdownPath);
        var clean = markdown.IndexOf("### Transfer, full plan", StringComparison.Ordinal);
        var pairflip = markdown.IndexOf("### Transfer, pairflip full plan", StringComparison.Ordinal);
        Assert.InRange(clean, 0, pairflip - 1);
        Assert.Contains("Credit design (`--design`): `--phi-groups all`", markdown, StringComparison.Ordinal);
        Assert.Contains("#### Task longtail10", markdown, StringComparison.Ordinal);
        Assert.Contains("test **balancedError**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyseSuite_RunsWithBothFolders_WritesBothReportsEachByItsPlanWithTheDesignAndShipsNothing()
    {
        FakeRuns.Write(_temp.Combine("runs", "transfer", "learn"), "mlp", 30, "ala", [0.11, 0.11], policyVersion: 5);

        await BenchApp.RunAsync(
            ["analyse", "--runs", _temp.Combine("runs"), "--out", _temp.Combine("out"), "--design", "--phi-groups all"], [new AnalyseSuite()], new NoFigureRenderer(), TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.True(File.Exists(_temp.Combine("out", "transfer.json")));
        var pairflip = BenchJson.Read<TransferReport>(_temp.Combine("out", "transfer-pairflip.json"));
        Assert.Equal(("pairflip", "transfer-pairflip-learn@66", "--phi-groups all"), (pairflip.Task, pairflip.LearnedPolicy, pairflip.Design));
        Assert.Equal("--policy transfer-pairflip-learn@66 --freeze-policy --phi-groups all", pairflip.Tasks[0].Arms[1].Flags);
        Assert.Equal(["fresh", "pairs", "longtail10"], pairflip.Tasks.Select(t => t.Task));
        Assert.Null(pairflip.Ship.ShippedTo);
    }

    private BenchContext Context()
    {
        var root = _temp.Combine("root");
        Directory.CreateDirectory(root);
        return new BenchContext(root, _temp.Combine("out"), _temp.Combine("out", "results.md"), _temp.Combine("out", "results"),
            _temp.Combine("runs"), AlaCommand.Script, new NoFigureRenderer(), TextWriter.Null, TextWriter.Null);
    }
}
