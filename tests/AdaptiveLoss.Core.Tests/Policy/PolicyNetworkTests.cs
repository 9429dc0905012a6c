using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

public sealed class PolicyNetworkTests
{
    [Fact]
    public void ParameterCount_DefaultShape_Is1955()
    {
        // 32·24 + 32 + 32·32 + 32 + 3·32 + 3.
        Assert.Equal(1955, PolicyNetwork.ParameterCount(24, 32));
        Assert.Equal(1955, new PolicyNetwork(24, 32, seed: 1).Parameters.Length);
    }

    [Fact]
    public void Constructor_Seed_DeterministicWithinPyTorchBounds()
    {
        var a = new PolicyNetwork(24, 32, seed: 7).Parameters;
        var b = new PolicyNetwork(24, 32, seed: 7).Parameters;
        var c = new PolicyNetwork(24, 32, seed: 8).Parameters;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var firstLayer = (32 * 24) + 32;
        Assert.All(a[..firstLayer], w => Assert.InRange(Math.Abs(w), 0, 1 / Math.Sqrt(24)));
        Assert.All(a[firstLayer..], w => Assert.InRange(Math.Abs(w), 0, 1 / Math.Sqrt(32)));
        // The first layer uses its bound: some weight lies beyond the second layers' smaller one.
        Assert.Contains(a[..firstLayer], w => Math.Abs(w) > 1 / Math.Sqrt(32));
    }

    [Fact]
    public void Probabilities_TinyPolicy_MatchHandForwardPass()
    {
        var p = TinyPolicy.Network().Probabilities(TinyPolicy.State);

        double[] z = [-0.169, 0.321, 0.107];
        var total = Math.Exp(z[0]) + Math.Exp(z[1]) + Math.Exp(z[2]);
        Assert.Equal(Math.Exp(z[0]) / total, p[0], 12);
        Assert.Equal(Math.Exp(z[1]) / total, p[1], 12);
        Assert.Equal(Math.Exp(z[2]) / total, p[2], 12);
    }

    [Fact]
    public void Probabilities_HugeLogits_StableAndNormalised()
    {
        var theta = TinyPolicy.Parameters();
        theta[^3] = 2000;   // b3[0]: exp(2000) would overflow without the max shift.
        var p = new PolicyNetwork(2, 2, theta).Probabilities(TinyPolicy.State);

        Assert.All(p, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(1.0, p[0], 12);
        Assert.Equal(1.0, p.Sum(), 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void AccumulateLogProbabilityGradient_TinyPolicy_MatchesCentralDifferences(int action)
    {
        var network = TinyPolicy.Network();
        var analytic = new double[network.Parameters.Length];

        network.AccumulateLogProbabilityGradient(TinyPolicy.State, action, 1.0, analytic);

        AssertClose(TinyPolicy.NumericGradient(network, TinyPolicy.State, action), analytic);
    }

    [Fact]
    public void AccumulateLogProbabilityGradient_InactiveReluUnit_MatchesCentralDifferences()
    {
        var network = TinyPolicy.Network();
        float[] state = [-1.0f, 0.5f];   // h1 pre-activations: −0.55 (inactive) and 0.1 (active).
        var analytic = new double[network.Parameters.Length];

        network.AccumulateLogProbabilityGradient(state, 2, 1.0, analytic);

        AssertClose(TinyPolicy.NumericGradient(network, state, 2), analytic);
        Assert.Equal(0.0, analytic[0]);   // W1[0,0] feeds the inactive unit,
        Assert.NotEqual(0.0, analytic[2]); // W1[1,0] the active one.
    }

    [Fact]
    public void AccumulateLogProbabilityGradient_DefaultShape_MatchesCentralDifferences()
    {
        var network = new PolicyNetwork(24, 32, seed: 3);
        var random = new Random(5);
        var state = new float[24];
        for (var f = 0; f < state.Length; f++)
        {
            state[f] = (float)((random.NextDouble() * 2) - 1);
        }

        var analytic = new double[network.Parameters.Length];
        network.AccumulateLogProbabilityGradient(state, 1, 1.0, analytic);

        AssertClose(TinyPolicy.NumericGradient(network, state, 1), analytic);
    }

    [Fact]
    public void AccumulateLogProbabilityGradient_Scale_AddsScaledIntoExisting()
    {
        var network = TinyPolicy.Network();
        var once = new double[network.Parameters.Length];
        network.AccumulateLogProbabilityGradient(TinyPolicy.State, 0, 1.0, once);
        var accumulated = Enumerable.Repeat(1.0, once.Length).ToArray();

        network.AccumulateLogProbabilityGradient(TinyPolicy.State, 0, -2.5, accumulated);

        for (var k = 0; k < once.Length; k++)
        {
            Assert.Equal(1.0 - (2.5 * once[k]), accumulated[k], 12);
        }
    }

    [Fact]
    public void Probabilities_WrongFeatureCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => TinyPolicy.Network().Probabilities(new float[3]));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.True(
                Math.Abs(expected[k] - actual[k]) <= 1e-8 + (1e-6 * Math.Abs(expected[k])),
                $"parameter {k}: finite difference {expected[k]}, backprop {actual[k]}");
        }
    }
}
