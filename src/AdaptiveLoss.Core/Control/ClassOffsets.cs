namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Per-class logit offsets δ ∈ R^C, a departure from the paper (docs/mismatch.md, "Expressiveness"): the children
/// train on l_Φ(z + δ, y) and predict with z, so δ_c &lt; 0 makes the model raise class c's logit, the per-class term
/// of logit adjustment (Menon et al. 2021) that Φ's off-diagonal pairs cannot express. δ starts at 0 and moves by the
/// same shared policy's actions, one group per class, clipped to [−δ_max, δ_max].
/// </summary>
public sealed class ClassOffsets
{
    private readonly double[] _offsets;

    /// <summary>δ = 0 for <paramref name="classes"/> classes.</summary>
    public ClassOffsets(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        _offsets = new double[classes];
    }

    /// <summary>Number of classes C.</summary>
    public int Classes => _offsets.Length;

    /// <summary>δ_c.</summary>
    public double this[int c] => _offsets[c];

    /// <summary>Adds ActionSet.Delta(actions[c], β) to δ_c for every class, then clips to [−δ_max, δ_max]; validates first.</summary>
    public void Apply(IReadOnlyList<int> actions, double beta, double max)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != _offsets.Length)
        {
            throw new ArgumentException($"expected {_offsets.Length} class actions, got {actions.Count}", nameof(actions));
        }

        foreach (var action in actions)
        {
            ActionSet.Delta(action, beta);
        }

        for (var c = 0; c < _offsets.Length; c++)
        {
            _offsets[c] = Math.Clamp(_offsets[c] + ActionSet.Delta(actions[c], beta), -max, max);
        }
    }

    /// <summary>Sets every δ_c (restore from a checkpoint); each must be finite.</summary>
    public void Load(IReadOnlyList<double> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Count != _offsets.Length)
        {
            throw new ArgumentException($"expected {_offsets.Length} class offsets, got {offsets.Count}", nameof(offsets));
        }

        for (var c = 0; c < _offsets.Length; c++)
        {
            _offsets[c] = double.IsFinite(offsets[c]) ? offsets[c] : throw new ArgumentException($"δ[{c}] is not finite ({offsets[c]})", nameof(offsets));
        }
    }

    /// <summary>δ as doubles (checkpoints, reports).</summary>
    public double[] ToArray() => (double[])_offsets.Clone();

    /// <summary>True when every δ_c is finite.</summary>
    public bool IsFinite() => _offsets.All(double.IsFinite);
}
