using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The mismatch analysis on <see cref="MismatchFixture"/>'s hand-made runs.</summary>
public sealed class MismatchAnalysisTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private static readonly double HalfWidthOfFiveThirds = 3.1824 * Math.Sqrt(5.0 / 3.0) / 2;
    private readonly TempFolder _temp = new();
    private readonly MismatchReport _report;

    public MismatchAnalysisTests()
    {
        MismatchFixture.Write(_temp.Path);
        _report = MismatchAnalysis.Analyse(MismatchPlan.Full, _temp.Path, new NoFigureRenderer(), _temp.Combine("figures"));
    }

    public void Dispose() => _temp.Dispose();

    private MismatchTaskReport Task(string name) => _report.Tasks.Single(t => t.Task == name);

    private MismatchArmReport Row(string task, string arm) => Task(task).Arms.Single(a => a.Arm == arm);

    [Fact]
    public void Analyse_BestStatic_ChosenOnValidationNotOnTestAndNeverTheOracle()
    {
        var best = Task("pairflip0.4").BestStatic;

        // By test ls0.1 (23 %) or phi-flip-neg0.2 (22 %) would win, by validation forward (0.05): neither may be chosen.
        Assert.Equal("phi-all0.1", best.Arm);
        Assert.Equal(["ce", "ce+early-stop", "ls0.1", "phi-all0.1", "phi-flip-neg0.2"], best.Candidates.Select(c => c.Arm));
        Assert.Equal([0.31, 0.26, 0.28, 0.25, 0.255], best.Candidates.Select(c => c.ValidationMetric), new ToleranceComparer());
        Assert.True(best.LowerIsBetter);
        Assert.Equal("error", best.ValidationMetric);
    }

    [Fact]
    public void Analyse_Compute_ChildEpochsPerArmAndTheSweepCountsCeOnce()
    {
        var task = Task("pairflip0.4");

        Assert.Equal(40, Row("pairflip0.4", "ls0.1").ChildEpochs); // no childEpochs: 4 children × 10 epochs
        Assert.Equal(36, Row("pairflip0.4", "phi-flip-neg0.2").ChildEpochs);
        Assert.Equal(40, Row("pairflip0.4", "ce+early-stop").ChildEpochs);
        // ce (40, ce+early-stop is the same run) + ls0.1 40 + phi-all0.1 40 + phi-flip-neg0.2 36.
        Assert.Equal(156, task.BestStatic.SweepChildEpochs);
    }

    [Fact]
    public void Analyse_AlaRow_PairedWithCeAndWithTheBestStaticAtTheEndAndAtTheBestWindow()
    {
        var ala = Row("pairflip0.4", "ala");

        Assert.Equal(25.5, ala.Headline!.Test.Mean!.Value, Tolerance);
        Assert.Equal([-6.0, -7, -8, -9], ala.Headline.VersusCe!.Differences, new ToleranceComparer());
        Assert.Equal(HalfWidthOfFiveThirds, ala.Headline.VersusCe.Interval!.HalfWidth, 9);
        Assert.Equal(-3, ala.Headline.VersusBestStatic!.Summary.Mean!.Value, Tolerance);
        Assert.Equal(0, ala.Headline.VersusBestStatic.Interval!.HalfWidth, Tolerance);
        // Best window vs ce+early-stop: 23..26 − 25..31 = −2..−5; vs phi-all0.1's end (the chosen view): −4 each.
        Assert.Equal(-3.5, ala.AtBestValidation!.VersusCe!.Summary.Mean!.Value, Tolerance);
        Assert.Equal(-4, ala.AtBestValidation.VersusBestStatic!.Summary.Mean!.Value, Tolerance);
        Assert.Equal(0.25, ala.ValidationMetric!.Value, Tolerance);
    }

    [Fact]
    public void Analyse_DerivedEarlyStop_CesBestWindowPairedWithCesEnd()
    {
        var early = Row("pairflip0.4", "ce+early-stop");

        Assert.Equal(("derived", "ce", "best-validation"), (early.Kind, early.Source, early.Headline!.View));
        Assert.Equal(28, early.Headline.Test.Mean!.Value, Tolerance);
        Assert.Equal([-5.0, -5, -5, -5], early.Headline.VersusCe!.Differences, new ToleranceComparer());
        Assert.Equal([-2.0, -1, 0, 1], early.Headline.VersusBestStatic!.Differences, new ToleranceComparer());
        Assert.Null(early.AtBestValidation);
        Assert.Equal(0.26, early.ValidationMetric!.Value, Tolerance);
        Assert.Null(Row("pairflip0.4", "ce").Headline!.VersusCe);
        Assert.Null(Row("pairflip0.4", "phi-all0.1").Headline!.VersusBestStatic);
    }

    [Fact]
    public void Analyse_DerivedPostHoc_OnLongTailsOnlyReadingBalancedErrorAndNeverACandidate()
    {
        var postHoc = Row("longtail10", "ce+posthoc-la");

        Assert.Equal(33.5, postHoc.Headline!.Test.Mean!.Value, Tolerance);
        Assert.Equal([-5.0, -6, -7, -8], postHoc.Headline.VersusCe!.Differences, new ToleranceComparer());
        Assert.Null(postHoc.ValidationMetric);
        Assert.Equal("la1", Task("longtail10").BestStatic.Arm);
        Assert.Equal(38, Row("longtail10", "la1").Headline!.Test.Mean!.Value, Tolerance);
        Assert.DoesNotContain(Task("pairflip0.4").Arms, a => a.Arm == "ce+posthoc-la");
    }

    [Fact]
    public void Analyse_AlaMinusFrozen_AtTheEndAndAtTheBestWindow()
    {
        var task = Task("pairflip0.4");

        Assert.Equal(-2, task.AlaVsFrozen!.End!.Summary.Mean!.Value, Tolerance);
        Assert.Equal(0, task.AlaVsFrozen.End.Interval!.HalfWidth, Tolerance);
        Assert.Equal([-2.0, -1, 0, 1], task.AlaVsFrozen.AtBestValidation!.Differences, new ToleranceComparer());
        Assert.Equal(HalfWidthOfFiveThirds, task.AlaVsFrozen.AtBestValidation.Interval!.HalfWidth, 9);
        // ala-pair, the horizon, sibling and all-pairs arms are in the plan but not run here: listed, with no difference.
        Assert.Equal([("ala", "frozen"), ("ala-pair", "frozen"), ("ala-h2", "frozen-h2"), ("ala-sib", "frozen-sib"), ("ala-sib-lr0.03", "frozen-sib"), ("ala-all", "frozen-all")],
            task.Learning.Select(l => (l.Arm, l.Control)));
        Assert.Null(task.Learning[1].End);
    }

    [Fact]
    public void Analyse_PhiSweep_BestStaticPhiByValidationAndAlasBestChildsPhi()
    {
        var task = Task("pairflip0.4");

        Assert.Equal(["phi-all0.1", "phi-flip-neg0.2"], task.PhiSweep.Select(c => c.Arm));
        Assert.Equal("phi-all0.1", task.BestStaticPhi!.Arm);
        Assert.Equal(0.1, task.BestStaticPhi.Matrix[3][8], Tolerance);
        Assert.Equal(1, task.BestStaticPhi.Matrix[8][8], Tolerance);
        // ala's validation picks seed 2 (0.1), whose fake Φ has 0.02 off the diagonal.
        Assert.Equal(("mismatch-pairflip0.4-ala/1", 0.02), (task.AlaPhi!.ChildId, task.AlaPhi.Matrix[0][1]));
    }

    [Fact]
    public void Analyse_PartialRun_EveryTaskAndArmWithMissingOnesAbsentAndWarned()
    {
        Assert.Equal(["clean", "longtail10", "longtail100", "pairflip0.4", "symmetric0.4", "pairflip0.4-cnn"], _report.Tasks.Select(t => t.Task));
        var absent = Task("pairflip0.4").Arms.Where(a => !a.Present).Select(a => a.Arm);
        Assert.Equal(["ls0.2", "phi-all0.2", "phi-flip-pos0.2", "ala-pair", "ala-h2", "frozen-h2", "ala-sib", "ala-sib-lr0.03", "frozen-sib", "ce-20ep", "ala-all", "frozen-all"],
            absent);
        Assert.Contains("mismatch/pairflip0.4/ls0.2: no results.json (not run yet, still running, or failed)", _report.Warnings);
        Assert.All(Task("clean").Arms, a => Assert.False(a.Present));
        Assert.Null(Task("clean").BestStatic.Arm);
        Assert.Null(Task("clean").AlaVsFrozen!.End);
        Assert.Equal(NoFigures, Task("clean").Figures.Count);
    }

    private static int NoFigures => MismatchFigureKeys.All.Count;

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < Tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
