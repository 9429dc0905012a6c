using System.Numerics.Tensors;

namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// π_θ over many state rows at once, in float32 (docs/design.md §1.4, "Policy arithmetic"): the coordinator's hot path.
/// A round of 1,000 children is 45,000 group rows; <see cref="PolicyNetwork"/> walks them one by one in double precision,
/// this evaluates blocks of rows feature-major (one row of a layer's activations holds one unit over the whole block),
/// so every step is a long element-wise span operation from System.Numerics.Tensors' <see cref="TensorPrimitives"/>
/// rather than a short dot product per row. θ stays double (snapshots, Adam): it is converted at the start of each call,
/// and the gradient of each block is added into the double accumulator, so float32 sums never span a whole round.
/// Element-wise steps use fused multiply-adds (one rounding, the same on every CPU); the weight gradients' sums over a
/// block are <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>, whose summation order follows
/// the machine's vector width, so results are reproducible on one machine and agree with <see cref="PolicyNetwork"/>
/// to float precision everywhere. Not thread-safe: it owns its scratch buffers (the coordinator is single-threaded).
/// </summary>
public sealed class PolicyBatch
{
    /// <summary>Rows per block: the block's activations (about 90 KB at hidden 32) stay in the core's L2 cache.</summary>
    public const int BlockRows = 256;

    private const int Outputs = Control.ActionSet.Count;

    private readonly int _inputs;
    private readonly int _hidden;
    private readonly float[] _weights;
    private readonly float[] _gradient;
    private readonly float[] _x;
    private readonly float[] _h1;
    private readonly float[] _h2;
    private readonly float[] _z;
    private readonly float[] _d2;
    private readonly float[] _d1;

    /// <summary>Scratch for a network of <paramref name="inputs"/> features and <paramref name="hidden"/> units per hidden layer.</summary>
    public PolicyBatch(int inputs, int hidden)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hidden, 1);
        (_inputs, _hidden) = (inputs, hidden);
        var count = PolicyNetwork.ParameterCount(inputs, hidden);
        _weights = new float[count];
        _gradient = new float[count];
        _x = new float[inputs * BlockRows];
        _h1 = new float[hidden * BlockRows];
        _h2 = new float[hidden * BlockRows];
        _z = new float[Outputs * BlockRows];
        _d2 = new float[hidden * BlockRows];
        _d1 = new float[hidden * BlockRows];
    }

    // The flat layout of PolicyNetwork: W1 [h, in], b1, W2 [h, h], b2, W3 [3, h], b3.
    private int B1 => _hidden * _inputs;

    private int W2 => B1 + _hidden;

    private int B2 => W2 + (_hidden * _hidden);

    private int W3 => B2 + _hidden;

    private int B3 => W3 + (Outputs * _hidden);

    /// <summary>
    /// π(·|s) of every row of <paramref name="states"/> written to <paramref name="probabilities"/> (three per row, in row
    /// order) under the double parameters <paramref name="parameters"/> (<see cref="PolicyNetwork"/>'s layout).
    /// </summary>
    public void Probabilities(ReadOnlySpan<double> parameters, IReadOnlyList<float[]> states, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(states);
        CheckParameters(parameters);
        if (probabilities.Length != states.Count * Outputs)
        {
            throw new ArgumentException($"probabilities must hold {states.Count * Outputs} entries, got {probabilities.Length}", nameof(probabilities));
        }

        Load(parameters);
        for (var start = 0; start < states.Count; start += BlockRows)
        {
            var rows = Math.Min(BlockRows, states.Count - start);
            Forward(states, start, rows);
            for (var r = 0; r < rows; r++)
            {
                for (var k = 0; k < Outputs; k++)
                {
                    probabilities[((start + r) * Outputs) + k] = _z[(k * BlockRows) + r];
                }
            }
        }
    }

    /// <summary>
    /// Adds Σ_rows scales[r] · ∇_θ log π(actions[r] | states[r]) into <paramref name="gradient"/> (double, θ's layout) and
    /// writes each row's π(·|s) to <paramref name="probabilities"/> (three per row), in one forward and one backward pass.
    /// </summary>
    public void AccumulateLogProbabilityGradient(
        ReadOnlySpan<double> parameters, IReadOnlyList<float[]> states, ReadOnlySpan<int> actions, ReadOnlySpan<double> scales,
        Span<double> gradient, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(states);
        CheckParameters(parameters);
        if (actions.Length != states.Count || scales.Length != states.Count || probabilities.Length != states.Count * Outputs
            || gradient.Length != _weights.Length)
        {
            throw new ArgumentException(
                $"{states.Count} rows need as many actions and scales, {states.Count * Outputs} probabilities and a gradient of {_weights.Length}; "
                + $"got {actions.Length}, {scales.Length}, {probabilities.Length} and {gradient.Length}");
        }

        Load(parameters);
        for (var start = 0; start < states.Count; start += BlockRows)
        {
            var rows = Math.Min(BlockRows, states.Count - start);
            Forward(states, start, rows);
            for (var r = 0; r < rows; r++)
            {
                var action = actions[start + r];
                if ((uint)action >= Outputs)
                {
                    throw new ArgumentOutOfRangeException(nameof(actions), action, "action index must be 0, 1 or 2");
                }

                // ∂ log softmax(z)_a / ∂z_k = 1[k = a] − π_k, scaled; _z turns from probabilities into this delta in place.
                for (var k = 0; k < Outputs; k++)
                {
                    var p = _z[(k * BlockRows) + r];
                    probabilities[((start + r) * Outputs) + k] = p;
                    _z[(k * BlockRows) + r] = (float)(scales[start + r] * ((k == action ? 1.0 : 0.0) - p));
                }
            }

            Backward(rows);
            for (var i = 0; i < _gradient.Length; i++)
            {
                gradient[i] += _gradient[i];
            }
        }
    }

    private void CheckParameters(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != _weights.Length)
        {
            throw new ArgumentException($"a {_inputs}→{_hidden}→{_hidden}→{Outputs} policy has {_weights.Length} parameters, got {parameters.Length}",
                nameof(parameters));
        }
    }

    private void Load(ReadOnlySpan<double> parameters) => TensorPrimitives.ConvertTruncating(parameters, _weights.AsSpan());

    // Transposes the block's rows into _x [in, rows] and fills _h1, _h2 [h, rows] (post-ReLU) and _z [3, rows] with π.
    private void Forward(IReadOnlyList<float[]> states, int start, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = states[start + r];
            if (row.Length != _inputs)
            {
                throw new ArgumentException($"the policy takes {_inputs} features, got {row.Length} in row {start + r}", nameof(states));
            }

            for (var k = 0; k < _inputs; k++)
            {
                _x[(k * BlockRows) + r] = row[k];
            }
        }

        Layer(_x, _inputs, 0, B1, _hidden, _h1, rows, relu: true);
        Layer(_h1, _hidden, W2, B2, _hidden, _h2, rows, relu: true);
        Layer(_h2, _hidden, W3, B3, Outputs, _z, rows, relu: false);
        Softmax(rows);
    }

    // output[o, :] = b[o] + Σ_i W[o, i] · input[i, :] over the block, then ReLU.
    private void Layer(float[] input, int inputs, int weights, int bias, int outputs, float[] output, int rows, bool relu)
    {
        for (var o = 0; o < outputs; o++)
        {
            var target = output.AsSpan(o * BlockRows, rows);
            target.Fill(_weights[bias + o]);
            for (var i = 0; i < inputs; i++)
            {
                TensorPrimitives.FusedMultiplyAdd(input.AsSpan(i * BlockRows, rows), _weights[weights + (o * inputs) + i], target, target);
            }

            if (relu)
            {
                TensorPrimitives.Max(target, 0f, target);
            }
        }
    }

    // Softmax over the three logits of each row, in double as PolicyNetwork does (three exponentials per row are cheap).
    private void Softmax(int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            double z0 = _z[r], z1 = _z[BlockRows + r], z2 = _z[(2 * BlockRows) + r];
            var max = Math.Max(z0, Math.Max(z1, z2));
            double e0 = Math.Exp(z0 - max), e1 = Math.Exp(z1 - max), e2 = Math.Exp(z2 - max);
            var total = e0 + e1 + e2;
            (_z[r], _z[BlockRows + r], _z[(2 * BlockRows) + r]) = ((float)(e0 / total), (float)(e1 / total), (float)(e2 / total));
        }
    }

    // From the output deltas in _z back through W3, ReLU, W2, ReLU, W1 into _gradient (this block only).
    private void Backward(int rows)
    {
        Array.Clear(_gradient);
        LayerGradient(_z, Outputs, _h2, _hidden, W3, B3, rows);
        InputDelta(_z, Outputs, W3, _hidden, _h2, _d2, rows);
        LayerGradient(_d2, _hidden, _h1, _hidden, W2, B2, rows);
        InputDelta(_d2, _hidden, W2, _hidden, _h1, _d1, rows);
        LayerGradient(_d1, _hidden, _x, _inputs, 0, B1, rows);
    }

    // ∂/∂W[o, i] = Σ_rows delta[o, r] · input[i, r]; ∂/∂b[o] = Σ_rows delta[o, r].
    private void LayerGradient(float[] delta, int outputs, float[] input, int inputs, int weights, int bias, int rows)
    {
        for (var o = 0; o < outputs; o++)
        {
            var d = delta.AsSpan(o * BlockRows, rows);
            _gradient[bias + o] += TensorPrimitives.Sum(d);
            for (var i = 0; i < inputs; i++)
            {
                _gradient[weights + (o * inputs) + i] += TensorPrimitives.Dot(d, input.AsSpan(i * BlockRows, rows));
            }
        }
    }

    // inputDelta[i, :] = Σ_o W[o, i] · delta[o, :], zero where the unit was inactive (ReLU'(0) = 0, as in PyTorch).
    private void InputDelta(float[] delta, int outputs, int weights, int inputs, float[] activation, float[] inputDelta, int rows)
    {
        for (var i = 0; i < inputs; i++)
        {
            var target = inputDelta.AsSpan(i * BlockRows, rows);
            target.Clear();
            for (var o = 0; o < outputs; o++)
            {
                TensorPrimitives.FusedMultiplyAdd(delta.AsSpan(o * BlockRows, rows), _weights[weights + (o * inputs) + i], target, target);
            }

            var active = activation.AsSpan(i * BlockRows, rows);
            for (var r = 0; r < rows; r++)
            {
                if (active[r] <= 0f)
                {
                    target[r] = 0f;
                }
            }
        }
    }
}
