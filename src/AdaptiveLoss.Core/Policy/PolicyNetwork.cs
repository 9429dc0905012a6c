namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// π_θ (docs/design.md §1.4): an MLP features → hidden → hidden → 3 with ReLU, softmax over the three actions, shared by every
/// group. Pure C# in double precision: it is tiny, so no tensor library is needed, it is exactly testable, and the
/// coordinator stays free of native memory. Parameters are one flat vector (W1, b1, W2, b2, W3, b3; W row-major
/// [out, in]) so that snapshots, Adam and finite-difference checks treat them uniformly.
/// Not thread-safe: forward passes reuse scratch buffers (the coordinator grain is single-threaded).
/// </summary>
public sealed class PolicyNetwork
{
    private const int Outputs = Control.ActionSet.Count;

    private readonly int _inputs;
    private readonly int _hidden;
    private readonly double[] _parameters;
    private readonly double[] _hidden1;
    private readonly double[] _hidden2;
    private readonly double[] _delta1;
    private readonly double[] _delta2;
    private readonly double[] _probabilities = new double[Outputs];

    /// <summary>A network with PyTorch-style initialisation (U(−1/√fan_in, 1/√fan_in)) from <paramref name="seed"/>.</summary>
    public PolicyNetwork(int inputs, int hidden, int seed)
        : this(inputs, hidden, new double[ParameterCount(inputs, hidden)])
    {
        // nn.Linear's default (kaiming_uniform with a = √5) is U(−1/√fan_in, 1/√fan_in) for weights and biases;
        // drawn layer by layer in the flat order W1, b1, W2, b2, W3, b3.
        var random = new Random(seed);
        var offset = 0;
        foreach (var (fanIn, count) in new[] { (inputs, (hidden * inputs) + hidden), (hidden, (hidden * hidden) + hidden), (hidden, (Outputs * hidden) + Outputs) })
        {
            var bound = 1.0 / Math.Sqrt(fanIn);
            for (var k = 0; k < count; k++)
            {
                _parameters[offset++] = ((2.0 * random.NextDouble()) - 1.0) * bound;
            }
        }
    }

    /// <summary>A network with the given flat parameters (length <see cref="ParameterCount(int,int)"/>); the array is used live, not copied.</summary>
    public PolicyNetwork(int inputs, int hidden, double[] parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != ParameterCount(inputs, hidden))
        {
            throw new ArgumentException(
                $"a {inputs}→{hidden}→{hidden}→{Outputs} policy has {ParameterCount(inputs, hidden)} parameters, got {parameters.Length}",
                nameof(parameters));
        }

        _inputs = inputs;
        _hidden = hidden;
        _parameters = parameters;
        _hidden1 = new double[hidden];
        _hidden2 = new double[hidden];
        _delta1 = new double[hidden];
        _delta2 = new double[hidden];
    }

    /// <summary>Number of parameters of a network of this shape.</summary>
    public static int ParameterCount(int inputs, int hidden) =>
        (hidden * inputs) + hidden + (hidden * hidden) + hidden + (Outputs * hidden) + Outputs;

    /// <summary>Input features.</summary>
    public int Inputs => _inputs;

    /// <summary>Hidden width.</summary>
    public int Hidden => _hidden;

    /// <summary>The flat parameter vector θ (live: updates write into it).</summary>
    public double[] Parameters => _parameters;

    private int B1 => _hidden * _inputs;

    private int W2 => B1 + _hidden;

    private int B2 => W2 + (_hidden * _hidden);

    private int W3 => B2 + _hidden;

    private int B3 => W3 + (Outputs * _hidden);

    /// <summary>π(·|s): the three action probabilities for one group's features.</summary>
    public double[] Probabilities(ReadOnlySpan<float> features)
    {
        var result = new double[Outputs];
        Probabilities(features, result);
        return result;
    }

    /// <summary>π(·|s) written into <paramref name="destination"/> (length 3): the allocation-free form for hot paths.</summary>
    public void Probabilities(ReadOnlySpan<float> features, Span<double> destination)
    {
        if (destination.Length != Outputs)
        {
            throw new ArgumentException($"destination must hold {Outputs} probabilities, got {destination.Length}", nameof(destination));
        }

        Forward(features);
        _probabilities.CopyTo(destination);
    }

    /// <summary>log π(action|s).</summary>
    public double LogProbability(ReadOnlySpan<float> features, int action)
    {
        CheckAction(action);
        Forward(features);
        return Math.Log(_probabilities[action]);
    }

    /// <summary>Adds <paramref name="scale"/> · ∇_θ log π(action|s) into <paramref name="gradient"/> (same layout as θ).</summary>
    public void AccumulateLogProbabilityGradient(ReadOnlySpan<float> features, int action, double scale, double[] gradient)
    {
        CheckAction(action);
        ArgumentNullException.ThrowIfNull(gradient);
        if (gradient.Length != _parameters.Length)
        {
            throw new ArgumentException($"gradient must have {_parameters.Length} entries, got {gradient.Length}", nameof(gradient));
        }

        Forward(features);
        var p = _parameters;

        // ∂ log softmax(z)_a / ∂z_k = 1[k = a] − π_k; then back through W3, ReLU, W2, ReLU, W1.
        Array.Clear(_delta2);
        for (var k = 0; k < Outputs; k++)
        {
            var dz = scale * ((k == action ? 1.0 : 0.0) - _probabilities[k]);
            gradient[B3 + k] += dz;
            var row = W3 + (k * _hidden);
            AddScaled(gradient.AsSpan(row, _hidden), dz, _hidden2);
            AddScaled(_delta2, dz, p.AsSpan(row, _hidden));
        }

        Array.Clear(_delta1);
        for (var j = 0; j < _hidden; j++)
        {
            // ReLU'(0) = 0, as in PyTorch: an inactive unit passes no gradient (and its row is skipped).
            if (_hidden2[j] > 0)
            {
                var d = _delta2[j];
                var row = W2 + (j * _hidden);
                gradient[B2 + j] += d;
                AddScaled(gradient.AsSpan(row, _hidden), d, _hidden1);
                AddScaled(_delta1, d, p.AsSpan(row, _hidden));
            }
        }

        for (var i = 0; i < _hidden; i++)
        {
            if (_hidden1[i] > 0)
            {
                var d = _delta1[i];
                gradient[B1 + i] += d;
                AddScaled(gradient.AsSpan(i * _inputs, _inputs), d, features);
            }
        }
    }

    // Fills _hidden1, _hidden2 (post-ReLU) and _probabilities for one feature row.
    private void Forward(ReadOnlySpan<float> features)
    {
        if (features.Length != _inputs)
        {
            throw new ArgumentException($"the policy takes {_inputs} features, got {features.Length}", nameof(features));
        }

        var p = _parameters;
        for (var i = 0; i < _hidden; i++)
        {
            _hidden1[i] = Math.Max(p[B1 + i] + Dot(p.AsSpan(i * _inputs, _inputs), features), 0.0);
        }

        for (var j = 0; j < _hidden; j++)
        {
            _hidden2[j] = Math.Max(p[B2 + j] + Dot(p.AsSpan(W2 + (j * _hidden), _hidden), _hidden1), 0.0);
        }

        for (var k = 0; k < Outputs; k++)
        {
            _probabilities[k] = p[B3 + k] + Dot(p.AsSpan(W3 + (k * _hidden), _hidden), _hidden2);
        }

        // Numerically stable softmax: subtract the largest logit before exponentiating.
        var max = Math.Max(_probabilities[0], Math.Max(_probabilities[1], _probabilities[2]));
        var total = 0.0;
        for (var k = 0; k < Outputs; k++)
        {
            _probabilities[k] = Math.Exp(_probabilities[k] - max);
            total += _probabilities[k];
        }

        for (var k = 0; k < Outputs; k++)
        {
            _probabilities[k] /= total;
        }
    }

    // Span loops over equal-length slices let the JIT drop the bounds checks in these hot inner loops.
    private static double Dot(ReadOnlySpan<double> weights, ReadOnlySpan<double> x)
    {
        x = x[..weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * x[i];
        }

        return sum;
    }

    private static double Dot(ReadOnlySpan<double> weights, ReadOnlySpan<float> x)
    {
        x = x[..weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * x[i];
        }

        return sum;
    }

    private static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> x)
    {
        x = x[..target.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += scale * x[i];
        }
    }

    private static void AddScaled(Span<double> target, double scale, ReadOnlySpan<float> x)
    {
        x = x[..target.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += scale * x[i];
        }
    }

    private static void CheckAction(int action)
    {
        if ((uint)action >= Outputs)
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "action index must be 0, 1 or 2");
        }
    }
}
