using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

/// <summary>The batched float32 policy against the double-precision reference, <see cref="PolicyNetwork"/>.</summary>
public sealed class PolicyBatchTests
{
    [Fact]
    public void Probabilities_TinyPolicy_MatchHandForwardPassToFloatPrecision()
    {
        var probabilities = new double[3];

        new PolicyBatch(TinyPolicy.Inputs, TinyPolicy.Hidden).Probabilities(TinyPolicy.Parameters(), [TinyPolicy.State], probabilities);

        double[] z = [-0.169, 0.321, 0.107];
        var total = z.Sum(Math.Exp);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(Math.Exp(z[k]) / total, probabilities[k], tolerance: 1e-6);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(45)]
    [InlineData(PolicyBatch.BlockRows)]
    [InlineData((2 * PolicyBatch.BlockRows) + 13)]
    public void Probabilities_ManyRows_MatchReferenceRowByRow(int rows)
    {
        var network = new PolicyNetwork(24, 32, seed: 3);
        var states = States(rows, 24, seed: rows);
        var batched = new double[rows * 3];

        new PolicyBatch(24, 32).Probabilities(network.Parameters, states, batched);

        for (var r = 0; r < rows; r++)
        {
            var reference = network.Probabilities(states[r]);
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(reference[k], batched[(r * 3) + k], tolerance: 1e-6);
            }
        }
    }

    [Fact]
    public void AccumulateLogProbabilityGradient_AcrossBlocks_MatchesReferenceSum()
    {
        // Three blocks (the last one partial), mixed actions and signed scales, some rows with inactive ReLU units.
        const int rows = (2 * PolicyBatch.BlockRows) + 40;
        var network = new PolicyNetwork(24, 32, seed: 5);
        var states = States(rows, 24, seed: 11, low: -0.5f);
        var random = new Random(2);
        var actions = Enumerable.Range(0, rows).Select(_ => random.Next(3)).ToArray();
        var scales = Enumerable.Range(0, rows).Select(_ => (random.NextDouble() - 0.5) / rows).ToArray();
        var reference = new double[network.Parameters.Length];
        for (var r = 0; r < rows; r++)
        {
            network.AccumulateLogProbabilityGradient(states[r], actions[r], scales[r], reference);
        }

        var batched = new double[reference.Length];
        var probabilities = new double[rows * 3];
        new PolicyBatch(24, 32).AccumulateLogProbabilityGradient(network.Parameters, states, actions, scales, batched, probabilities);

        var scale = reference.Max(Math.Abs);
        Assert.True(scale > 1e-4, "the reference gradient is not trivially zero");
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Math.Abs(reference[i] - batched[i]) <= 1e-4 * scale, $"θ[{i}]: reference {reference[i]:G9}, batched {batched[i]:G9}");
        }

        Assert.Equal(network.Probabilities(states[rows - 1])[2], probabilities[^1], tolerance: 1e-6);
    }

    [Fact]
    public void AccumulateLogProbabilityGradient_TinyPolicy_MatchesCentralDifferences()
    {
        var network = TinyPolicy.Network();
        var gradient = new double[network.Parameters.Length];

        new PolicyBatch(TinyPolicy.Inputs, TinyPolicy.Hidden).AccumulateLogProbabilityGradient(
            network.Parameters, [TinyPolicy.State, [-1.0f, 0.5f]], [0, 2], [1.0, 1.0], gradient, new double[6]);

        var numeric = TinyPolicy.NumericGradient(network, TinyPolicy.State, 0);
        var inactive = TinyPolicy.NumericGradient(network, [-1.0f, 0.5f], 2);
        for (var i = 0; i < gradient.Length; i++)
        {
            Assert.Equal(numeric[i] + inactive[i], gradient[i], tolerance: 1e-5);
        }
    }

    [Fact]
    public void Calls_SameInputs_GiveBitIdenticalResults()
    {
        var network = new PolicyNetwork(24, 32, seed: 9);
        var states = States(300, 24, seed: 4);
        var (first, second) = (new double[900], new double[900]);
        var batch = new PolicyBatch(24, 32);

        batch.Probabilities(network.Parameters, states, first);
        batch.Probabilities(network.Parameters, States(7, 24, seed: 99), new double[21]);
        batch.Probabilities(network.Parameters, states, second);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Probabilities_WrongFeatureCount_Throws()
    {
        var network = new PolicyNetwork(24, 32, seed: 1);

        var error = Assert.Throws<ArgumentException>(() =>
            new PolicyBatch(24, 32).Probabilities(network.Parameters, [new float[24], new float[23]], new double[6]));

        Assert.Contains("got 23 in row 1", error.Message);
    }

    private static float[][] States(int rows, int features, int seed, float low = 0f)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, features).Select(_ => low + (float)random.NextDouble()).ToArray())];
    }
}
