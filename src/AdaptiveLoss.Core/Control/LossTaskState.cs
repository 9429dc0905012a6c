namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The task's part of a child's state at a window end (docs/durability.md): plain numbers, so a rollback snapshot and
/// a checkpoint's state.json hold it without knowing the task.
/// </summary>
/// <param name="Parameters">The loss parameters, flattened (Φ row-major for classification).</param>
/// <param name="Offsets">Extra per-group parameters of the task, or null (the class offsets δ of <c>--class-offsets</c>).</param>
/// <param name="History">The observations the state is built from, oldest first, each flattened (C×C soft confusions for classification).</param>
/// <param name="Shares">With pair credit, each pair's share of the metric at the last window end (<see cref="PairCredit"/>); else null.</param>
public sealed record LossTaskState(double[] Parameters, double[]? Offsets, double[][] History, double[]? Shares = null);
