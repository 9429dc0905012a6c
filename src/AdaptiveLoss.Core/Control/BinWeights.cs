namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Φ of the parametric margin loss (docs/retrieval.md): a weight per distance bin for positive pairs (groups 0..B−1) and
/// for negative pairs (groups B..2B−1), every one starting at 1 (the plain margin loss). An action moves a weight by ±β;
/// weights stay within φ_max of 1 and never go below 0 (a negative weight would reward a violated margin).
/// </summary>
public sealed class BinWeights
{
    private readonly double[] _weights;

    /// <summary>All 2<paramref name="bins"/> weights at 1.</summary>
    public BinWeights(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Bins = bins;
        _weights = [.. Enumerable.Repeat(1.0, 2 * bins)];
    }

    /// <summary>B, bins per polarity.</summary>
    public int Bins { get; }

    /// <summary>Weight of positive pairs in bin <paramref name="bin"/>.</summary>
    public double Positive(int bin) => _weights[bin];

    /// <summary>Weight of negative pairs in bin <paramref name="bin"/>.</summary>
    public double Negative(int bin) => _weights[Bins + bin];

    /// <summary>Adds ±β per group (<see cref="ActionSet"/>) and clips to [max(0, 1 − φ_max), 1 + φ_max]; every index is checked first.</summary>
    public void Apply(IReadOnlyList<int> actions, double beta, double phiMax)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != _weights.Length)
        {
            throw new ArgumentException($"expected {_weights.Length} actions (one per distance bin of positive and of negative pairs), got {actions.Count}", nameof(actions));
        }

        var deltas = actions.Select(a => ActionSet.Delta(a, beta)).ToArray();
        for (var g = 0; g < _weights.Length; g++)
        {
            _weights[g] = Math.Clamp(_weights[g] + deltas[g], Math.Max(0, 1 - phiMax), 1 + phiMax);
        }
    }

    /// <summary>Smallest and largest weight and ‖Φ − 1‖₂ (the report's "distance from the start").</summary>
    public PhiStats Stats() => new(_weights.Min(), _weights.Max(), Math.Sqrt(_weights.Sum(w => (w - 1) * (w - 1))));

    /// <summary>True when every weight is finite.</summary>
    public bool IsFinite() => _weights.All(double.IsFinite);

    /// <summary>A copy: positive weights, then negative ones.</summary>
    public double[] ToArray() => (double[])_weights.Clone();

    /// <summary>Replaces the weights with <paramref name="weights"/> (positive, then negative) after checking them.</summary>
    public void Load(double[] weights)
    {
        Check(weights);
        weights.CopyTo(_weights, 0);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="weights"/> is not 2B finite non-negative numbers.</summary>
    public void Check(double[]? weights)
    {
        if (weights is null || weights.Length != _weights.Length)
        {
            throw new ArgumentException($"expected {_weights.Length} bin weights, got {weights?.Length ?? 0}");
        }

        foreach (var w in weights)
        {
            if (!(double.IsFinite(w) && w >= 0))
            {
                throw new ArgumentException($"a bin weight is {w}: weights are finite and at least 0");
            }
        }
    }
}
