namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The task side of the loss controller (docs/design.md §3): a task supplies its parameter groups (class pairs for
/// classification, distance bins for metric learning), the per-group state features and how an action changes Φ.
/// The policy, the coordinator and the grains only see <c>float[group][feature]</c> states and per-group action indices.
/// </summary>
public interface ILossTask
{
    /// <summary>Number of parameter groups, one policy decision each (C(C−1)/2 class pairs for classification).</summary>
    int GroupCount { get; }

    /// <summary>Features per group; must equal the policy's input size (24 for classification, docs/design.md §1.2).</summary>
    int FeatureCount { get; }

    /// <summary>The state s_t, one feature row per group, from what was last observed; <paramref name="progress"/> is iteration/total in [0, 1].</summary>
    float[][] BuildStates(double progress);

    /// <summary>Applies a_t: one action index per group (<see cref="ActionSet"/>: 0 = −β, 1 = 0, 2 = +β).</summary>
    void ApplyActions(IReadOnlyList<int> actions);
}
