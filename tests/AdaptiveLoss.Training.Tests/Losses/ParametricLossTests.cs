using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Tests.Losses;

public sealed class ParametricLossTests
{
    private const int Classes = 5;
    private const int Batch = 7;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Pairwise_RandomPhi_EqualsClosedForm(int seed)
    {
        var (z, y, phi) = RandomProblem(seed);
        using var loss = ParametricLoss.Pairwise(Logits(z), Targets(y), PhiTensor(phi));

        var expected = Enumerable.Range(0, Batch).Average(b => ClosedForm.Pairwise(z[b], y[b], phi));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sigmoid_RandomPhi_EqualsClosedForm(int seed)
    {
        var (z, y, phi) = RandomProblem(seed);
        using var loss = ParametricLoss.Sigmoid(Logits(z), Targets(y), PhiTensor(phi));

        var expected = Enumerable.Range(0, Batch).Average(b => ClosedForm.Sigmoid(z[b], y[b], phi));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Theory]
    [InlineData(ScalarType.Float32, 5)]
    [InlineData(ScalarType.Float64, 12)]
    public void Pairwise_IdentityPhi_EqualsCrossEntropy(ScalarType dtype, int precision)
    {
        var (z, y, _) = RandomProblem(4);
        using var logits = Logits(z).to_type(dtype);
        using var phi = torch.eye(Classes, dtype: dtype);

        using var pairwise = ParametricLoss.Pairwise(logits, Targets(y), phi);
        using var crossEntropy = nn.functional.cross_entropy(logits, Targets(y));

        Assert.Equal(crossEntropy.to_type(ScalarType.Float64).item<double>(), pairwise.to_type(ScalarType.Float64).item<double>(), precision);
    }

    [Fact]
    public void Sigmoid_IdentityPhi_IsMinusSigmoidOfMinusCrossEntropyPerSample()
    {
        // Per sample: the batch mean of σ is not σ of the mean cross-entropy.
        var (z, y, _) = RandomProblem(5);
        using var logits = Logits(z);
        using var targets = Targets(y);
        using var phi = torch.eye(Classes, dtype: ScalarType.Float64);

        var perSample = ParametricLoss.SigmoidPerSample(logits, targets, phi).data<double>().ToArray();
        var crossEntropy = nn.functional.cross_entropy(logits, targets, reduction: nn.Reduction.None).data<double>().ToArray();

        for (var b = 0; b < Batch; b++)
        {
            Assert.Equal(-1 / (1 + Math.Exp(crossEntropy[b])), perSample[b], 12);
        }

        using var mean = ParametricLoss.Sigmoid(logits, targets, phi);
        Assert.Equal(perSample.Average(), mean.item<double>(), 12);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(100.0)]
    [InlineData(1000.0)]
    public void Pairwise_NegativeEntryAndGrowingLogits_StaysBoundedBelow(double scale)
    {
        // Class 0 is the target, class 1 has Φ[0,1] = −0.2 and is pushed to p_1 → 0 by ever larger logits.
        var z = new[] { new[] { 1.0 * scale, -1.0 * scale, 0.0, 0.2 * scale } };
        var phi = new double[4, 4] { { 1, -0.2, 0.1, 0 }, { -0.2, 1, 0, 0 }, { 0.1, 0, 1, 0 }, { 0, 0, 0, 1 } };

        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var loss = ParametricLoss.Pairwise(Logits(z).to_type(dtype), Targets(new[] { 0 }), PhiTensor(phi).to_type(dtype));
            var value = loss.to_type(ScalarType.Float64).item<double>();
            Assert.True(double.IsFinite(value) && value >= 0, $"pairwise loss {value} at scale {scale} ({dtype})");
        }

        // The forbidden linear form goes to −∞ along the same path (−0.2 · log p_1 dominates).
        Assert.True(ClosedForm.Linear(z[0], 0, phi) < -0.19 * scale);
    }

    [Fact]
    public void Pairwise_ConfidentWrongClassWithNegativeEntry_FiniteInFloat32()
    {
        // p_1 rounds to 1 in float32 (z_1 − z_0 = 40): log1p(−p_1) would be −∞; the logsumexp form stays exact.
        var z = new[] { new[] { 0.0, 40.0, 0.0 } };
        var phi = new double[3, 3] { { 1, -0.2, 0 }, { -0.2, 1, 0 }, { 0, 0, 1 } };

        using var loss = ParametricLoss.Pairwise(Logits(z).to_type(ScalarType.Float32), Targets(new[] { 0 }), PhiTensor(phi).to_type(ScalarType.Float32));

        // −log p_0 ≈ 40 and −log(1 − p_1) ≈ 40 − log 2.
        Assert.Equal(40 + (0.2 * (40 - Math.Log(2))), loss.item<float>(), 3);
    }

    [Theory]
    [InlineData(LossForm.Pairwise)]
    [InlineData(LossForm.Sigmoid)]
    public void Gradient_RandomPhi_MatchesCentralFiniteDifferences(LossForm form)
    {
        var (z, y, phi) = RandomProblem(6);
        using var phiTensor = PhiTensor(phi);
        using var targets = Targets(y);
        using var logits = Logits(z).requires_grad_(true);
        using var loss = ParametricLoss.Compute(LossMode.Ala, form, logits, targets, phiTensor);
        loss.backward();
        var gradient = logits.grad!.data<double>().ToArray();

        const double h = 1e-6;
        for (var b = 0; b < Batch; b++)
        {
            for (var c = 0; c < Classes; c++)
            {
                double At(double delta)
                {
                    var shifted = z.Select(row => (double[])row.Clone()).ToArray();
                    shifted[b][c] += delta;
                    using var value = ParametricLoss.Compute(LossMode.Ala, form, Logits(shifted), targets, phiTensor);
                    return value.item<double>();
                }

                var numeric = (At(h) - At(-h)) / (2 * h);
                Assert.Equal(numeric, gradient[(b * Classes) + c], 7);
            }
        }
    }

    [Fact]
    public void Compute_CeMode_IgnoresPhi()
    {
        var (z, y, phi) = RandomProblem(7);

        using var ce = ParametricLoss.Compute(LossMode.Ce, LossForm.Pairwise, Logits(z), Targets(y), PhiTensor(phi));
        using var expected = nn.functional.cross_entropy(Logits(z), Targets(y));

        Assert.Equal(expected.item<double>(), ce.item<double>(), 12);
    }

    private static (double[][] Z, int[] Y, double[,] Phi) RandomProblem(int seed)
    {
        var random = new Random(seed);
        var z = Enumerable.Range(0, Batch).Select(_ => Enumerable.Range(0, Classes).Select(_ => (random.NextDouble() * 6) - 3).ToArray()).ToArray();
        var y = Enumerable.Range(0, Batch).Select(_ => random.Next(Classes)).ToArray();
        return (z, y, ClosedForm.RandomPhi(Classes, random));
    }

    private static Tensor Logits(double[][] z) =>
        torch.tensor(z.SelectMany(r => r).ToArray(), new long[] { z.Length, z[0].Length }, ScalarType.Float64);

    private static Tensor Targets(int[] y) => torch.tensor(y.Select(v => (long)v).ToArray(), ScalarType.Int64);

    private static Tensor PhiTensor(double[,] phi) => torch.tensor(phi, ScalarType.Float64);
}
