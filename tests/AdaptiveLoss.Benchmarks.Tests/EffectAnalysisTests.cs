using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The effect analysis on hand-made run folders (<see cref="EffectFixture"/>).</summary>
public sealed class EffectAnalysisTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly TempFolder _temp = new();
    private readonly EffectReport _report;

    public EffectAnalysisTests()
    {
        EffectFixture.Write(_temp.Path);
        _report = EffectAnalysis.Analyse(EffectBudget.Short, _temp.Path, new NoFigureRenderer(), _temp.Combine("figures"));
    }

    public void Dispose() => _temp.Dispose();

    private ArmReport Arm(string name) => _report.Arms.Single(a => a.Arm == name);

    [Fact]
    public void Analyse_PartialBudget_EveryArmInTableOrderWithPresence()
    {
        Assert.Equal(["ce", "ala", "frozen", "paper"], _report.Arms.Select(a => a.Arm));
        Assert.Equal([true, true, true, false], _report.Arms.Select(a => a.Present));
        Assert.Contains(_report.Warnings, w => w.StartsWith("short/paper: no results.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyse_AlaVersusCe_PairedDifferenceInPercentagePoints()
    {
        var ala = Arm("ala");

        Assert.Equal(12.5, ala.TestError.Mean!.Value, Tolerance);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), ala.TestError.Std!.Value, Tolerance);
        Assert.Equal([1, 2, 3, 4], ala.VersusCe!.Seeds);
        Assert.Equal(2.5, ala.VersusCe.Summary.Mean!.Value, Tolerance);
        Assert.Equal(3.1824 * Math.Sqrt(5.0 / 3.0) / 2, ala.VersusCe.Interval!.HalfWidth, 9);
        Assert.Equal(1.25, ala.RatioToCe!.Value, Tolerance);
    }

    [Fact]
    public void Analyse_CrossEntropy_IsTheReferenceWithoutDifference()
    {
        var ce = Arm("ce");

        Assert.Null(ce.VersusCe);
        Assert.Null(ce.RatioToCe);
        Assert.Equal(10, ce.TestError.Mean!.Value, Tolerance);
    }

    [Fact]
    public void Analyse_BestChild_ChosenOnValidationNotTest()
    {
        var best = Arm("ala").BestByValidation!;

        Assert.Equal(2, best.Seed);
        Assert.Equal(12, best.TestError, Tolerance);
    }

    [Fact]
    public void Analyse_LearningVersusFrozen_ConstantTwoPointsBehind()
    {
        var learning = _report.LearningVsFrozen!;

        Assert.Equal(2, learning.Summary.Mean!.Value, Tolerance);
        Assert.Equal(0, learning.Interval!.HalfWidth, Tolerance);
        Assert.False(_report.Target.LearningAheadOfFrozen);
        Assert.False(_report.Target.RatioMet);
        Assert.False(_report.Target.Applies);
    }

    [Fact]
    public void Analyse_AlaSignals_RewardBalanceAndRounds()
    {
        var signals = Arm("ala").Signals!;

        Assert.Equal((8, 4, 2, 2), (signals.Rewards.Count, signals.Rewards.Positive, signals.Rewards.Zero, signals.Rewards.Negative));
        Assert.Equal(0.5, signals.Rewards.PositiveShare);
        Assert.Equal(0.625, signals.Rewards.Mean!.Value, Tolerance);
        Assert.Equal("percentage points", signals.Rewards.Unit);
        Assert.Equal([0.5, 0.75], signals.RewardPerRound.Select(r => r.Mean));
        Assert.Equal([0.5, 0.625], signals.RewardPerRound.Select(r => r.MovingAverage));
        Assert.Equal(3, signals.Policy.Version);
        Assert.Equal(0.25, signals.Phi.MeanNormFromIdentity!.Value, Tolerance);
        // Round 2 = [2, 2, −1, 0]: mean 0.75, variance (1.5625 + 1.5625 + 3.0625 + 0.5625) / 4 = 1.6875.
        Assert.Equal(Math.Sqrt(1.6875), signals.RewardSpread!.Value, Tolerance);
        Assert.Null(signals.Actions);
    }

    [Fact]
    public void Analyse_RunsWithoutRecord_DefinedCommandPerArm()
    {
        var frozen = Arm("frozen");

        Assert.Equal("definition", frozen.CommandSource);
        Assert.StartsWith("./ala run --children 8 --epochs 3 --seed 1 --freeze-policy --experiment-id short-frozen --out ", frozen.Command);
    }

    [Fact]
    public void Analyse_FourChildrenWhereEightDefined_WarnsPerArm()
    {
        Assert.Contains("short/ala: 4 of 8 children completed", _report.Warnings);
    }

    [Fact]
    public void Analyse_WithoutPlotter_EveryFigureKeyWithAReason()
    {
        Assert.Equal(FigureKeys.All.Select(f => f.Key).Order(), _report.Figures.Keys.Order());
        Assert.All(_report.Figures.Values, f => Assert.NotNull(f.Note));
    }
}
