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
        new(1, 10, 10, [11, 9], 1, 1, [2, 0], [new NoiseFloorEffect(0.1, 11, 10, 0.5, 0.5)]),
        new(2, 12, 12, [14, 10], 1, 1, [1, 1], [new NoiseFloorEffect(0.1, 13, 10, 2, 2)]),
    ];

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
}
