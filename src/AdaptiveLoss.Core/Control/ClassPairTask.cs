using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Control;

/// <summary>
/// Classification as an <see cref="ILossTask"/>: groups are class pairs, the state comes from the validation soft
/// confusion matrix, actions move Φ symmetrically. With <see cref="LossMode.Ce"/> or <see cref="LossMode.Fixed"/>
/// actions are ignored and Φ stays I (the baselines run the same orchestration).
/// </summary>
public sealed class ClassPairTask : ILossTask
{
    /// <summary>Task for <paramref name="classes"/> classes under <paramref name="options"/>.</summary>
    public ClassPairTask(int classes, ExperimentOptions options) => throw new NotImplementedException();

    /// <summary>Φ (read-only view for the loss; mutate only through <see cref="ApplyActions"/>).</summary>
    public LossParameters Phi => throw new NotImplementedException();

    /// <summary>The state history.</summary>
    public PairStateBuilder States => throw new NotImplementedException();

    /// <inheritdoc />
    public int GroupCount => throw new NotImplementedException();

    /// <inheritdoc />
    public int FeatureCount => throw new NotImplementedException();

    /// <summary>Records the validation soft confusion matrix measured at a window end.</summary>
    public void Observe(double[,] softConfusion) => throw new NotImplementedException();

    /// <inheritdoc />
    public float[][] BuildStates(double progress) => throw new NotImplementedException();

    /// <inheritdoc />
    public void ApplyActions(IReadOnlyList<int> actions) => throw new NotImplementedException();
}
