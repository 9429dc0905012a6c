using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The transfer analysis on hand-made run folders: a learning run at version 66; task fresh with ce 12..15 %, learned
/// 2 pp below ce on every seed, random 12, 12, 14, 16 % (learned − random = −2, −1, −2, −3), continued missing;
/// task classes5 with ce only.
/// </summary>
public sealed class TransferAnalysisTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly TempFolder _temp = new();

    public TransferAnalysisTests() => Write(_temp.Combine("runs"), learned: [0.10, 0.11, 0.12, 0.13]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Analyse_LearnedPolicy_TheLearningRunsFinalVersionDrivesTheLearnedArms()
    {
        var report = TransferAnalysis.Analyse(TransferPlan.Full, _temp.Combine("runs"));

        Assert.Equal("transfer-learn@66", report.LearnedPolicy);
        var learned = report.Tasks[0].Arms.Single(a => a.Arm == TransferArms.Learned);
        Assert.Equal("--policy transfer-learn@66 --freeze-policy", learned.Flags);
        Assert.Contains("--classes 5", report.Tasks[1].Arms[0].Command, StringComparison.Ordinal);
        Assert.True(report.Learn.Present);
    }

    [Fact]
    public void Analyse_LearnedVersusCeAndRandom_PairedPerSeedInPercentagePoints()
    {
        var fresh = TransferAnalysis.Analyse(TransferPlan.Full, _temp.Combine("runs")).Tasks[0];

        Assert.Equal(["ce", "learned", "random", "continued"], fresh.Arms.Select(a => a.Arm));
        var learned = fresh.Arms.Single(a => a.Arm == TransferArms.Learned);
        Assert.Equal(-2, learned.VersusCe!.Summary.Mean!.Value, Tolerance);
        Assert.Equal([-2, -1, -2, -3], fresh.LearnedVsRandom!.Differences.Select(d => Math.Round(d, 9)));
        Assert.Equal(3.1824 * Math.Sqrt(2.0 / 3.0) / 2, fresh.LearnedVsRandom.Interval!.HalfWidth, 4);
    }

    [Fact]
    public void Analyse_MissingArms_ReportedAndLeftOutOfTheDifferences()
    {
        var report = TransferAnalysis.Analyse(TransferPlan.Full, _temp.Combine("runs"));

        Assert.Null(report.Tasks[0].ContinuedVsRandom);
        Assert.Null(report.Tasks[1].LearnedVsRandom);
        Assert.Contains(report.Warnings, w => w.StartsWith("transfer/fresh/continued: no results.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_LearnedBelowRandomBeyondTheInterval_HelpsOnlyForTheEvidencePlan()
    {
        Assert.True(TransferAnalysis.Analyse(TransferPlan.Full, _temp.Combine("runs")).Ship.Helps);
        Assert.False(TransferAnalysis.Analyse(TransferPlan.Smoke, _temp.Combine("runs")).Ship.Helps);
    }

    [Fact]
    public void Decide_LearnedWithinNoiseOfRandomAndCe_DoesNotHelp()
    {
        var runs = _temp.Combine("noise");
        Write(runs, learned: [0.13, 0.12, 0.15, 0.15]);

        var ship = TransferAnalysis.Analyse(TransferPlan.Full, runs).Ship;

        Assert.False(ship.Helps);
        Assert.Contains("learned − random", ship.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteAnalyse_PolicyThatHelps_CopiedToPoliciesAndReported()
    {
        var context = Context();
        var snapshot = _temp.Combine("runs", "transfer", "state", "policies", "transfer-learn", "66.json");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        File.WriteAllText(snapshot, "{\"snapshot\": 66}");

        TransferSuite.Analyse(context, TransferPlan.Full, ship: true);
        ReportWriter.Write(context.ResultsDirectory, context.MarkdownPath, context.FiguresDirectory);

        Assert.Equal("{\"snapshot\": 66}", File.ReadAllText(_temp.Combine("root", "policies", "fashion-mnist-mlp.json")));
        var report = BenchJson.Read<TransferReport>(Path.Combine(context.ResultsDirectory, TransferReport.FileName));
        Assert.Equal(TransferPlan.Full.ShippedPolicy, report.Ship.ShippedTo);
        var markdown = File.ReadAllText(context.MarkdownPath);
        Assert.Contains("## Transfer", markdown, StringComparison.Ordinal);
        Assert.Contains("#### Task classes5", markdown, StringComparison.Ordinal);
        Assert.Contains("Shipped: the learned snapshot is [policies/fashion-mnist-mlp.json]", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteAnalyse_WithoutShip_CopiesNothing()
    {
        TransferSuite.Analyse(Context(), TransferPlan.Full, ship: false);

        Assert.False(File.Exists(_temp.Combine("root", "policies", "fashion-mnist-mlp.json")));
    }

    private BenchContext Context()
    {
        var root = _temp.Combine("root");
        Directory.CreateDirectory(root);
        return new BenchContext(root, _temp.Combine("out"), _temp.Combine("out", "results.md"), _temp.Combine("out", "results"),
            _temp.Combine("runs"), AlaCommand.Script, new NoFigureRenderer(), TextWriter.Null, TextWriter.Null);
    }

    private static void Write(string runsRoot, double[] learned)
    {
        var folder = Path.Combine(runsRoot, "transfer");
        FakeRuns.Write(Path.Combine(folder, "learn"), "mlp", 30, "ala", [0.11, 0.11, 0.12, 0.12], policyVersion: 66);
        FakeRuns.Write(Path.Combine(folder, "fresh", "ce"), "mlp", 10, "ce", [0.12, 0.13, 0.14, 0.15]);
        FakeRuns.Write(Path.Combine(folder, "fresh", "learned"), "mlp", 10, "ala", learned, policyVersion: 0);
        FakeRuns.Write(Path.Combine(folder, "fresh", "random"), "mlp", 10, "ala", [0.12, 0.12, 0.14, 0.16], policyVersion: 0);
        FakeRuns.Write(Path.Combine(folder, "classes5", "ce"), "mlp", 10, "ce", [0.05, 0.06, 0.07, 0.08]);
    }
}
