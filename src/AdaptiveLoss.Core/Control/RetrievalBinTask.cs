using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Metric learning as an <see cref="ILossTask"/> (docs/retrieval.md): 2B groups, a weight per distance bin for positive
/// and for negative pairs (<see cref="BinWeights"/>), the state from the validation distance histograms
/// (<see cref="BinStateBuilder"/>). Under <see cref="LossMode.Fixed"/> actions are ignored and every weight stays 1 (the
/// plain margin loss). Its <see cref="LossTaskState"/> is the 2B weights and the history of 2B shares per observation.
/// </summary>
public sealed class RetrievalBinTask : ILossTask
{
    private readonly ChildSettings _options;

    /// <summary>The task of <paramref name="options"/> (its bins, history, β and φ_max).</summary>
    public RetrievalBinTask(ChildSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Weights = new BinWeights(options.Bins);
        States = new BinStateBuilder(options.Bins, options.HistoryLength);
    }

    /// <summary>Φ: the bin weights (mutate only through <see cref="ApplyActions"/>).</summary>
    public BinWeights Weights { get; }

    /// <summary>The state history.</summary>
    public BinStateBuilder States { get; }

    /// <inheritdoc />
    public int GroupCount => 2 * Weights.Bins;

    /// <inheritdoc />
    public int FeatureCount => States.FeatureCount;

    /// <summary>Records the validation distance histograms' shares measured at a window end.</summary>
    public void Observe(IReadOnlyList<double> positiveShares, IReadOnlyList<double> negativeShares) =>
        States.Observe(positiveShares, negativeShares);

    /// <inheritdoc />
    public float[][] BuildStates(double progress) => States.Build(Weights, progress);

    /// <inheritdoc />
    public void ApplyActions(IReadOnlyList<int> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != GroupCount)
        {
            throw new ArgumentException($"expected {GroupCount} actions (one per distance bin of positive and of negative pairs), got {actions.Count}", nameof(actions));
        }

        // The fixed arm runs the same orchestration with Φ at 1: the margin loss itself.
        if (_options.Loss == LossMode.Ala)
        {
            Weights.Apply(actions, _options.Beta, _options.PhiMax);
        }
    }

    /// <inheritdoc />
    public PhiStats ParameterStats() => Weights.Stats();

    /// <inheritdoc />
    public bool IsFinite() => Weights.IsFinite();

    /// <inheritdoc />
    public LossTaskState Save() => new(Weights.ToArray(), null, [.. States.History.Select(h => (double[])h.Clone())]);

    /// <inheritdoc />
    public void Check(LossTaskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Weights.Check(state.Parameters);
        // On a scratch builder, so a bad history changes nothing here.
        new BinStateBuilder(States.Bins, States.HistoryLength).Restore(state.History ?? []);
    }

    /// <inheritdoc />
    public void Load(LossTaskState state)
    {
        Check(state);
        Weights.Load(state.Parameters);
        States.Restore(state.History);
    }
}
