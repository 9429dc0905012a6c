namespace AdaptiveLoss.Core.Policy;

/// <summary>Adam (Kingma &amp; Ba 2015) on a flat parameter vector, ascending or descending; state is exposed for checkpoints.</summary>
public sealed class AdamOptimizer
{
    /// <summary>Adam for <paramref name="size"/> parameters.</summary>
    public AdamOptimizer(int size, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) => throw new NotImplementedException();

    /// <summary>Steps taken.</summary>
    public long Step => throw new NotImplementedException();

    /// <summary>First-moment estimate m.</summary>
    public double[] FirstMoment => throw new NotImplementedException();

    /// <summary>Second-moment estimate v.</summary>
    public double[] SecondMoment => throw new NotImplementedException();

    /// <summary>θ ← θ − lr · m̂/(√v̂ + ε) for the gradient of a loss (pass −∇J to ascend J).</summary>
    public void Apply(double[] parameters, ReadOnlySpan<double> gradient) => throw new NotImplementedException();
}
