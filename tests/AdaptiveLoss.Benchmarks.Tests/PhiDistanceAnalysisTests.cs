using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The distance of the learned Φ from the best static Φ (docs/mismatch.md): hand-computed distances, Φ* chosen on
/// validation, and the fallback to results.json's final Φ for runs without per-window Φ.
/// </summary>
public sealed class PhiDistanceAnalysisTests : IDisposable
{
    private const double FloatTolerance = 1e-6;
    private static readonly double Root90 = Math.Sqrt(90);
    private static readonly double[][] Best3 = [[1, 0.1, 0.1], [0.1, 1, 0.1], [0.1, 0.1, 1]];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Child_HistoryWithPhi_HandComputedTrajectoryStartEndAndRunMean()
    {
        var child = new RunChild("x/0", 1, 0.2, 0.2, 0.2, 3, null, PhiMatrix: [[1, 0.2, 0.1], [0.2, 1, 0.1], [0.1, 0.1, 1]]);
        var history = History("x/0", [0f, 0f, 0f], [0.1f, 0.1f, 0.1f], [0.2f, 0.1f, 0.1f]);

        var distance = PhiDistanceAnalysis.Child(child, history, Best3)!;

        // Off-diagonal differences −0.1 (six entries), 0, then +0.1 on one pair (two entries): √0.06, 0, √0.02.
        Assert.Equal([Math.Sqrt(0.06), 0, Math.Sqrt(0.02)], distance.PerWindow!, new ToleranceComparer(FloatTolerance));
        Assert.Equal(Math.Sqrt(0.06), distance.Start!.Value, FloatTolerance);
        Assert.Equal(Math.Sqrt(0.02), distance.End, 12);
        Assert.Equal((Math.Sqrt(0.06) + Math.Sqrt(0.02)) / 3, distance.RunMean!.Value, FloatTolerance);
    }

    [Fact]
    public void Child_HistoryWithoutPhi_FallsBackToTheFinalPhiForTheEndOnly()
    {
        var child = new RunChild("x/0", 1, 0.2, 0.2, 0.2, 3, null, PhiMatrix: [[1, 0, 0.1], [0, 1, 0.1], [0.1, 0.1, 1]]);

        foreach (var history in new[] { null, History("x/0", null, null) })
        {
            var distance = PhiDistanceAnalysis.Child(child, history, Best3)!;

            Assert.Equal((null, null, null), (distance.PerWindow, distance.Start, distance.RunMean));
            Assert.Equal(Math.Sqrt(0.02), distance.End, 12);
        }
    }

    [Fact]
    public void Child_NoPhiMatrix_EndFromTheLastWindowAndNullWithoutAnyPhi()
    {
        var child = new RunChild("x/0", 1, 0.2, 0.2, 0.2, 3, null);

        Assert.Equal(Math.Sqrt(0.06), PhiDistanceAnalysis.Child(child, History("x/0", [0.1f, 0.1f, 0.1f], [0f, 0f, 0f]), Best3)!.End, FloatTolerance);
        Assert.Null(PhiDistanceAnalysis.Child(child, null, Best3));
    }

    [Fact]
    public void Analyse_ArchivedRunsWithoutHistory_PhiStarByValidationAndEndFromResults()
    {
        MismatchFixture.Write(_temp.Path);

        var distance = Analyse().PhiDistance!;

        // phi-all0.1 has the best validation (0.25); phi-flip-neg0.2 the better test (22 %): Φ* must be phi-all0.1's.
        Assert.Equal("phi-all0.1", distance.BestStaticPhi);
        Assert.Equal(Root90 * 0.1, distance.IdentityDistance, 12);
        Assert.Equal(["ala", "frozen"], distance.Arms.Select(a => a.Arm));
        var ala = distance.Arms[0];
        Assert.False(ala.Trajectories);
        Assert.Equal((0, 0), (ala.Start.N, ala.RunMean.N));
        // Child i's final Φ has every off-diagonal entry 0.01 · (i + 1): d_end = √90 · (0.09 − 0.01 i).
        Assert.Equal([0.09, 0.08, 0.07, 0.06], ala.Children.Select(c => c.End / Root90), new ToleranceComparer(1e-12));
        var learning = Assert.Single(distance.Learning);
        Assert.Equal(("ala", "frozen", (PairedDifference?)null), (learning.Arm, learning.Control, learning.RunMean));
        Assert.Equal([0.0, 0, 0, 0], learning.End!.Differences);
    }

    [Fact]
    public void Analyse_RunsWithPerWindowPhi_RunMeanPairedWithTheFrozenTwin()
    {
        MismatchFixture.Write(_temp.Path);
        // ala's windows: every entry 0, then 0.1 (= Φ*); frozen's: 0 twice. d: √90·0.1 then 0, against √90·0.1 twice.
        WriteHistory("ala", 0f, 0.1f);
        WriteHistory("frozen", 0f, 0f);

        var distance = Analyse().PhiDistance!;

        var ala = distance.Arms.Single(a => a.Arm == "ala");
        Assert.True(ala.Trajectories);
        Assert.Equal(Root90 * 0.1, ala.Start.Mean!.Value, FloatTolerance);
        Assert.Equal(Root90 * 0.05, ala.RunMean.Mean!.Value, FloatTolerance);
        Assert.Equal(0, ala.RunMean.Std!.Value, FloatTolerance);
        var learning = distance.Learning.Single();
        Assert.All(learning.RunMean!.Differences, d => Assert.Equal(-Root90 * 0.05, d, FloatTolerance));
        Assert.Equal(4, learning.RunMean.Summary.N);
    }

    private MismatchTaskReport Analyse() =>
        MismatchAnalysis.Analyse(MismatchPlan.Full, _temp.Path, new NoFigureRenderer(), _temp.Combine("figures")).Tasks.Single(t => t.Task == "pairflip0.4");

    // A history.json for the fixture's arm: four children, two windows whose Φ has every off-diagonal entry as given.
    private void WriteHistory(string arm, params float[] offDiagonals)
    {
        var id = $"mismatch-pairflip0.4-{arm}";
        var children = Enumerable.Range(0, 4).Select(i => History($"{id}/{i}", [.. offDiagonals.Select(v => Enumerable.Repeat(v, 45).ToArray())])).ToList();
        var history = new RunHistory(RunHistory.CurrentFormat, id, ExperimentState.Completed, 1, new ExperimentOptions(),
            new PolicyHistory(id, 0, 0, 0, 0, 0), children, []);
        RunHistoryFile.Write(_temp.Combine("mismatch", "pairflip0.4", arm), history);
    }

    private static ChildHistory History(string id, params float[]?[] windows) =>
        new(id, 1 + int.Parse(id[(id.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture), ChildState.Completed,
            null, null, null, null, null, null, null,
            [.. windows.Select((pairs, w) => new WindowSummary(w, 0, w + 1L, windows.Length, 0.2, 0.2, 0, 0, 0.5, 1000, 0, null, [0, 1, 0], pairs))]);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
