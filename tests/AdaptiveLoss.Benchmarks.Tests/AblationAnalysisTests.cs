using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The ablation analysis on hand-made run folders (<see cref="EffectFixture.WriteAblations"/>).</summary>
public sealed class AblationAnalysisTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly AblationReport _report;

    public AblationAnalysisTests()
    {
        EffectFixture.WriteAblations(_temp.Path);
        _report = AblationAnalysis.Analyse(AblationPlan.Full, _temp.Path, isEvidence: true);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Analyse_FullPlan_EveryVariantListedReferenceFirst()
    {
        Assert.Equal(AblationPlan.Full.Variants.Select(v => v.Name), _report.Variants.Select(v => v.Arm));
        Assert.Equal("ce", _report.Variants[0].Arm);
        Assert.Equal(["ce", "default", "children1"], _report.Variants.Where(v => v.Present).Select(v => v.Arm));
    }

    [Fact]
    public void Analyse_Default_OnePointBetterOnEverySeed()
    {
        var variant = _report.Variants.Single(v => v.Arm == "default");

        Assert.Equal(-1, variant.VersusCe!.Summary.Mean!.Value, 9);
        Assert.Equal(0, variant.VersusCe.Interval!.HalfWidth, 9);
        Assert.True(variant.VersusCe.Interval.ExcludesZero);
    }

    [Fact]
    public void Analyse_OneChild_PairsWithCrossEntropysFirstSeed()
    {
        var variant = _report.Variants.Single(v => v.Arm == "children1");

        Assert.Equal([1], variant.VersusCe!.Seeds);
        Assert.Equal(0.5, variant.VersusCe.Summary.Mean!.Value, 9);
        Assert.Null(variant.VersusCe.Interval);
    }

    [Fact]
    public void Plan_EveryVariantButPopulation_EightChildren()
    {
        Assert.All(
            AblationPlan.Full.Variants.Where(v => !v.Name.StartsWith("children", StringComparison.Ordinal)),
            v => Assert.Equal("8", Analysis.RunChecks.Flag(v.Flags, "--children")));
        Assert.Equal(
            ["1", "2", "4"],
            AblationPlan.Full.Variants.Where(v => v.Name.StartsWith("children", StringComparison.Ordinal)).Select(v => Analysis.RunChecks.Flag(v.Flags, "--children")));
    }
}
