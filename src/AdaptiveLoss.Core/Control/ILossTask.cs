namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The pure task side of the loss controller (docs/design.md §3): a task supplies its parameter groups (class pairs for
/// classification, distance bins for metric learning), the per-group state features, how an action changes its loss
/// parameters and what of them a rollback or a checkpoint keeps. The policy, the coordinator and the grains only see
/// <c>float[group][feature]</c> states and per-group action indices; the child trainer reaches a task only through
/// this interface and its TorchSharp counterpart in the Training project.
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

    /// <summary>Summary of the loss parameters for a window report (range and distance from their start, docs/telemetry.md).</summary>
    PhiStats ParameterStats();

    /// <summary>True when every loss parameter is finite; a window is not trained under a non-finite one (docs/design.md §1.7).</summary>
    bool IsFinite();

    /// <summary>A copy of the loss parameters and the observation history: what a rollback puts back and a checkpoint keeps.</summary>
    LossTaskState Save();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> (one line naming the problem) when <paramref name="state"/> cannot be
    /// loaded into this task; changes nothing (a checkpoint is checked in full before any of it is applied).
    /// </summary>
    void Check(LossTaskState state);

    /// <summary>Replaces the loss parameters and the history with <paramref name="state"/>, after <see cref="Check"/>.</summary>
    void Load(LossTaskState state);
}
