using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Tests.Losses;

/// <summary>Each static baseline loss against its closed form in plain doubles, on random logits and labels (float64).</summary>
public sealed class StaticLossesTests
{
    private const int Classes = 4;
    private const int Batch = 9;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.35)]
    public void LabelSmoothing_EqualsClosedForm(double epsilon)
    {
        var (z, y) = Problem(1);
        using var loss = StaticLosses.LabelSmoothing(Logits(z), Targets(y), epsilon);

        // (1 − ε)·(−log p_y) + ε·(1/C)·Σ_j −log p_j
        var expected = Enumerable.Range(0, Batch).Average(b =>
        {
            var p = ClosedForm.Softmax(z[b]);
            return ((1 - epsilon) * -Math.Log(p[y[b]])) + (epsilon * p.Average(v => -Math.Log(v)));
        });
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Focal_EqualsClosedForm(double gamma)
    {
        var (z, y) = Problem(2);
        using var loss = StaticLosses.Focal(Logits(z), Targets(y), gamma);

        var expected = Enumerable.Range(0, Batch).Average(b =>
        {
            var py = ClosedForm.Softmax(z[b])[y[b]];
            return -Math.Pow(1 - py, gamma) * Math.Log(py);
        });
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Weighted_ClassBalancedWeights_EqualsClosedForm()
    {
        var (z, y) = Problem(3);
        var weights = ClassBalance.Weights([500, 100, 20, 4], 0.99);
        using var loss = StaticLosses.Weighted(Logits(z), Targets(y), torch.tensor(weights, ScalarType.Float64));

        var expected = Enumerable.Range(0, Batch).Average(b => weights[y[b]] * -Math.Log(ClosedForm.Softmax(z[b])[y[b]]));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void LogitAdjusted_EqualsClosedForm(double tau)
    {
        var (z, y) = Problem(4);
        var logPriors = ClassBalance.LogPriors([500, 100, 20, 4]);
        using var loss = StaticLosses.LogitAdjusted(Logits(z), Targets(y), torch.tensor(logPriors, ScalarType.Float64), tau);

        // −log softmax(z + τ·log π)_y (Menon et al. 2021, Eq. 10)
        var expected = Enumerable.Range(0, Batch).Average(b =>
            -Math.Log(ClosedForm.Softmax(z[b].Select((v, c) => v + (tau * logPriors[c])).ToArray())[y[b]]));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Forward_PairFlipMatrix_EqualsClosedForm()
    {
        var (z, y) = Problem(5);
        var t = new LabelNoise(LabelNoiseKind.PairFlip, 0.3, [new FlipPair(0, 2)]).TransitionMatrix(Classes);
        using var loss = StaticLosses.Forward(Logits(z), Targets(y), torch.tensor(t, ScalarType.Float64));

        // −log Σ_k p_k T[k, y]: the probability the model gives the noisy label through the noise.
        var expected = Enumerable.Range(0, Batch).Average(b =>
        {
            var p = ClosedForm.Softmax(z[b]);
            return -Math.Log(Enumerable.Range(0, Classes).Sum(k => p[k] * t[k, y[b]]));
        });
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Forward_IdentityMatrix_IsCrossEntropy()
    {
        var (z, y) = Problem(6);
        using var loss = StaticLosses.Forward(Logits(z), Targets(y), torch.eye(Classes, dtype: ScalarType.Float64));
        using var ce = nn.functional.cross_entropy(Logits(z), Targets(y));

        Assert.Equal(ce.item<double>(), loss.item<double>(), 12);
    }

    [Theory]
    [InlineData(LossMode.LabelSmoothing)]
    [InlineData(LossMode.Focal)]
    [InlineData(LossMode.ClassBalanced)]
    [InlineData(LossMode.LogitAdjusted)]
    [InlineData(LossMode.Forward)]
    public void ChildLoss_EveryStaticMode_MatchesItsForm(LossMode mode)
    {
        var (z, y) = Problem(7);
        int[] counts = [300, 200, 50, 10];
        var options = new ChildSettings { Loss = mode, Smoothing = 0.2, FocalGamma = 1.5, ClassBalanceBeta = 0.9, Tau = 0.7,
            LabelNoise = new LabelNoise(LabelNoiseKind.Symmetric, 0.2, []) };
        using var childLoss = new ChildLoss(options, Classes, counts, torch.CPU);
        using var logits = Logits(z).to_type(ScalarType.Float32);
        using var phi = torch.eye(Classes);

        using var actual = childLoss.Compute(mode, logits, Targets(y), phi);
        using var expected = mode switch
        {
            LossMode.LabelSmoothing => StaticLosses.LabelSmoothing(logits, Targets(y), 0.2),
            LossMode.Focal => StaticLosses.Focal(logits, Targets(y), 1.5),
            LossMode.ClassBalanced => StaticLosses.Weighted(logits, Targets(y), torch.tensor(ClassBalance.Weights(counts, 0.9).Select(v => (float)v).ToArray())),
            LossMode.LogitAdjusted => StaticLosses.LogitAdjusted(logits, Targets(y), torch.tensor(ClassBalance.LogPriors(counts).Select(v => (float)v).ToArray()), 0.7),
            _ => StaticLosses.Forward(logits, Targets(y), torch.tensor(Flat(options.LabelNoise!.TransitionMatrix(Classes)), new long[] { Classes, Classes })),
        };
        Assert.Equal(expected.item<float>(), actual.item<float>(), 6);
    }

    [Fact]
    public void ChildLoss_CeDuringWarmup_IsCrossEntropyWhateverTheMode()
    {
        var (z, y) = Problem(8);
        using var childLoss = new ChildLoss(new ChildSettings { Loss = LossMode.Focal }, Classes, [1, 1, 1, 1], torch.CPU);
        using var logits = Logits(z).to_type(ScalarType.Float32);
        using var phi = torch.eye(Classes);

        using var actual = childLoss.Compute(LossMode.Ce, logits, Targets(y), phi);
        using var expected = nn.functional.cross_entropy(logits, Targets(y));
        Assert.Equal(expected.item<float>(), actual.item<float>(), 6);
    }

    private static float[] Flat(double[,] m) => m.Cast<double>().Select(v => (float)v).ToArray();

    private static (double[][] Z, int[] Y) Problem(int seed)
    {
        var random = new Random(seed);
        var z = Enumerable.Range(0, Batch).Select(_ => Enumerable.Range(0, Classes).Select(_ => (random.NextDouble() * 8) - 4).ToArray()).ToArray();
        var y = Enumerable.Range(0, Batch).Select(_ => random.Next(Classes)).ToArray();
        return (z, y);
    }

    private static Tensor Logits(double[][] z) =>
        torch.tensor(z.SelectMany(r => r).ToArray(), new long[] { z.Length, z[0].Length }, ScalarType.Float64);

    private static Tensor Targets(int[] y) => torch.tensor(y.Select(v => (long)v).ToArray(), ScalarType.Int64);
}
