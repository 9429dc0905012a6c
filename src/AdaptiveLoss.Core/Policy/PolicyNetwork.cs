namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// π_θ (spec §1.4): an MLP features → hidden → hidden → 3 with ReLU, softmax over the three actions, shared by every
/// group. Pure C# in double precision: it is tiny, so no tensor library is needed, it is exactly testable, and the
/// coordinator stays free of native memory. Parameters are one flat vector (W1, b1, W2, b2, W3, b3; W row-major
/// [out, in]) so that snapshots, Adam and finite-difference checks treat them uniformly.
/// </summary>
public sealed class PolicyNetwork
{
    /// <summary>A network with PyTorch-style initialisation (U(−1/√fan_in, 1/√fan_in)) from <paramref name="seed"/>.</summary>
    public PolicyNetwork(int inputs, int hidden, int seed) => throw new NotImplementedException();

    /// <summary>A network with the given flat parameters (length <see cref="ParameterCount(int,int)"/>).</summary>
    public PolicyNetwork(int inputs, int hidden, double[] parameters) => throw new NotImplementedException();

    /// <summary>Number of parameters of a network of this shape.</summary>
    public static int ParameterCount(int inputs, int hidden) => throw new NotImplementedException();

    /// <summary>Input features.</summary>
    public int Inputs => throw new NotImplementedException();

    /// <summary>Hidden width.</summary>
    public int Hidden => throw new NotImplementedException();

    /// <summary>The flat parameter vector θ (live: updates write into it).</summary>
    public double[] Parameters => throw new NotImplementedException();

    /// <summary>π(·|s): the three action probabilities for one group's features.</summary>
    public double[] Probabilities(ReadOnlySpan<float> features) => throw new NotImplementedException();

    /// <summary>Adds <paramref name="scale"/> · ∇_θ log π(action|s) into <paramref name="gradient"/> (same layout as θ).</summary>
    public void AccumulateLogProbabilityGradient(ReadOnlySpan<float> features, int action, double scale, double[] gradient) => throw new NotImplementedException();
}
