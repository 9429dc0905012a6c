namespace AdaptiveLoss.Core.Policy;

/// <summary>Adam (Kingma &amp; Ba 2015) on a flat parameter vector, ascending or descending; state is exposed for checkpoints.</summary>
public sealed class AdamOptimizer
{
    private readonly double[] _m;
    private readonly double[] _v;

    /// <summary>Adam for <paramref name="size"/> parameters.</summary>
    public AdamOptimizer(int size, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (!(learningRate > 0) || !(beta1 is >= 0 and < 1) || !(beta2 is >= 0 and < 1) || !(epsilon > 0))
        {
            throw new ArgumentException(
                $"Adam needs lr > 0, β1 and β2 in [0, 1), ε > 0 (got lr {learningRate}, β1 {beta1}, β2 {beta2}, ε {epsilon})");
        }

        _m = new double[size];
        _v = new double[size];
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>Learning rate lr.</summary>
    public double LearningRate { get; }

    /// <summary>β1, decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>β2, decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>ε in the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>Steps taken.</summary>
    public long Step { get; private set; }

    /// <summary>First-moment estimate m (live; copy before persisting).</summary>
    public double[] FirstMoment => _m;

    /// <summary>Second-moment estimate v (live; copy before persisting).</summary>
    public double[] SecondMoment => _v;

    /// <summary>θ ← θ − lr · m̂/(√v̂ + ε) for the gradient of a loss (pass −∇J to ascend J).</summary>
    public void Apply(double[] parameters, ReadOnlySpan<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != _m.Length || gradient.Length != _m.Length)
        {
            throw new ArgumentException(
                $"Adam holds {_m.Length} parameters, got {parameters.Length} parameters and {gradient.Length} gradients");
        }

        Step++;
        // Bias corrections 1 − β^t of Kingma & Ba, Algorithm 1.
        var correction1 = 1.0 - Math.Pow(Beta1, Step);
        var correction2 = 1.0 - Math.Pow(Beta2, Step);
        for (var k = 0; k < _m.Length; k++)
        {
            var g = gradient[k];
            _m[k] = (Beta1 * _m[k]) + ((1.0 - Beta1) * g);
            _v[k] = (Beta2 * _v[k]) + ((1.0 - Beta2) * g * g);
            var mHat = _m[k] / correction1;
            var vHat = _v[k] / correction2;
            parameters[k] -= LearningRate * mHat / (Math.Sqrt(vHat) + Epsilon);
        }
    }

    /// <summary>Restores the state saved from <see cref="Step"/>, <see cref="FirstMoment"/> and <see cref="SecondMoment"/>.</summary>
    public void Restore(long step, IReadOnlyList<double> firstMoment, IReadOnlyList<double> secondMoment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentNullException.ThrowIfNull(firstMoment);
        ArgumentNullException.ThrowIfNull(secondMoment);
        if (firstMoment.Count != _m.Length || secondMoment.Count != _v.Length)
        {
            throw new ArgumentException(
                $"Adam holds {_m.Length} parameters, got moments of {firstMoment.Count} and {secondMoment.Count}");
        }

        for (var k = 0; k < _m.Length; k++)
        {
            _m[k] = firstMoment[k];
            _v[k] = secondMoment[k];
        }

        Step = step;
    }
}
