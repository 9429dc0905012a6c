using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Classification as an <see cref="ILossTask"/>: groups are class pairs, the state comes from the validation soft
/// confusion matrix, actions move Φ symmetrically. With <see cref="LossMode.Ce"/> or <see cref="LossMode.Fixed"/>
/// actions are ignored and Φ stays I (the baselines run the same orchestration).
/// </summary>
public sealed class ClassPairTask : ILossTask
{
    private readonly ExperimentOptions _options;

    /// <summary>Task for <paramref name="classes"/> classes under <paramref name="options"/>.</summary>
    public ClassPairTask(int classes, ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Phi = new LossParameters(classes);
        States = new PairStateBuilder(classes, options.HistoryLength);
    }

    /// <summary>Φ (read-only view for the loss; mutate only through <see cref="ApplyActions"/>).</summary>
    public LossParameters Phi { get; }

    /// <summary>The state history.</summary>
    public PairStateBuilder States { get; }

    /// <inheritdoc />
    public int GroupCount => ClassPairs.Count(Phi.Classes);

    /// <inheritdoc />
    public int FeatureCount => States.FeatureCount;

    /// <summary>Records the validation soft confusion matrix measured at a window end.</summary>
    public void Observe(double[,] softConfusion) => States.Observe(softConfusion);

    /// <inheritdoc />
    public float[][] BuildStates(double progress) => States.Build(Phi, progress);

    /// <inheritdoc />
    public void ApplyActions(IReadOnlyList<int> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (_options.Loss == LossMode.Ala)
        {
            Phi.Apply(actions, _options.Beta, _options.PhiMax);
            return;
        }

        // Baselines (ce / fixed) run the same orchestration but keep Φ = I; a wrong count is still a caller bug.
        if (actions.Count != GroupCount)
        {
            throw new ArgumentException(
                $"expected {GroupCount} actions (one per class pair of {Phi.Classes} classes), got {actions.Count}", nameof(actions));
        }
    }
}
