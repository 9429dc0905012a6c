using AdaptiveLoss.Benchmarks.NoiseFloor;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The noise floor's arithmetic on hand-made branch rewards: σ per design, δ and the signal-to-noise ratio.</summary>
public sealed class NoiseFloorAnalysisTests
{
    private const int Tolerance = 12;

    // Two states. Global keep rewards 10 and 12 (children: SD √2 → σ = √2·√2 = 2); other batches give within-state
    // variances 1 ({10, 11, 9}) and 4 ({12, 14, 10}) → σ = √2·√((1 + 4)/2) = √5; repeats equal → σ = 0.
    // β 0.1: δ = +1 and +3 (mean 2, SD √2). Pair rewards: keep 1 and 1 (σ 0), others {1, 2, 0} and {1, 1, 1}, δ = 0 and 0.
    private static readonly NoiseFloorState[] States =
    [
        new(1, 1, 10, 10, [11, 9], 1, 1, [2, 0], [new NoiseFloorEffect(0.1, "pair 0-6", 11, 10, 0.5, 0.5)]),
        new(2, 1, 12, 12, [14, 10], 1, 1, [1, 1], [new NoiseFloorEffect(0.1, "pair 0-6", 13, 10, 2, 2)]),
    ];

    [Fact]
    public void Analyse_SeveralHorizons_EachOnItsOwnStatesInHorizonOrder()
    {
        // Horizon 2 listed first and with other numbers: keep rewards 10 and 14 → σ = √2·SD = √2·√8 = 4; δ on pair 0-6
        // = 2 and 4 (mean 3), on all pairs = −1 and −3 (mean −2).
        NoiseFloorState[] horizonTwo =
        [
            new(1, 2, 10, 10, [10, 10], 0, 0, [0, 0], [Effect("pair 0-6", 2), Effect("all pairs", -1)]),
            new(2, 2, 14, 14, [14, 14], 0, 0, [0, 0], [Effect("pair 0-6", 4), Effect("all pairs", -3)]),
        ];
        NoiseFloorState[] horizonOne = [.. States.Select(s => s with { Effects = [s.Effects[0], s.Effects[0] with { Target = "all pairs" }] })];

        var designs = NoiseFloorAnalysis.Analyse([.. horizonTwo, .. horizonOne]);

        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], designs.Select(d => d.Horizon));
        Assert.Equal(2, designs[0].Sigma, Tolerance);
        var children = designs[6];
        Assert.Equal(4, children.Sigma, Tolerance);
        Assert.Equal(["pair 0-6", "all pairs"], children.Effects.Select(e => e.Target));
        Assert.Equal(3, children.Effects[0].MeanDelta, Tolerance);
        Assert.Equal(-2, children.Effects[1].MeanDelta, Tolerance);
        Assert.Equal(0.5, children.Effects[1].SignalToNoise!.Value, Tolerance);
    }

    [Fact]
    public void Analyse_GlobalReward_SigmaPerDesignAndSnr()
    {
        var designs = NoiseFloorAnalysis.Analyse(States);

        Assert.Equal(6, designs.Count);
        var (children, batches, siblings) = (designs[0], designs[1], designs[2]);
        Assert.Equal(2, children.Sigma, Tolerance);
        Assert.Equal(Math.Sqrt(5), batches.Sigma, Tolerance);
        Assert.Equal(0, siblings.Sigma);
        Assert.Equal(2, children.Effects[0].MeanDelta, Tolerance);
        Assert.Equal(Math.Sqrt(2), children.Effects[0].SdDelta, Tolerance);
        Assert.Equal(1, children.Effects[0].SignalToNoise!.Value, Tolerance);
        Assert.Equal(2 / Math.Sqrt(5), batches.Effects[0].SignalToNoise!.Value, Tolerance);
        // Siblings: no branch noise, so the noise is how much δ varies between states: 2 / √2.
        Assert.Equal(Math.Sqrt(2), siblings.Effects[0].SignalToNoise!.Value, Tolerance);
    }

    [Fact]
    public void Analyse_PairReward_NoEffectAndNoNoiseIsZeroNotUnbounded()
    {
        var designs = NoiseFloorAnalysis.Analyse(States);
        var (children, batches, siblings) = (designs[3], designs[4], designs[5]);

        Assert.Equal(0, children.Sigma);
        // Within-state variances 1 ({1, 2, 0}) and 0 → σ = √2·√(1/2) = 1.
        Assert.Equal(1, batches.Sigma, Tolerance);
        Assert.Equal(0, siblings.Effects[0].MeanDelta);
        Assert.Equal(0, siblings.Effects[0].SignalToNoise);
        Assert.Equal(0, batches.Effects[0].SignalToNoise);
    }

    [Fact]
    public void Analyse_OneState_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NoiseFloorAnalysis.Analyse(States[..1]));

    /// <summary>A global δ of <paramref name="delta"/> (+β reward δ, −β reward 0) on <paramref name="target"/>; pair rewards 0.</summary>
    private static NoiseFloorEffect Effect(string target, double delta) => new(0.1, target, delta, 0, 0, 0);
}
