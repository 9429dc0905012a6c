namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>One scalar of an event: TensorBoard's tag (e.g. <c>train/loss</c>) and its value (stored as float32).</summary>
/// <param name="Tag">Chart name; '/' groups charts into sections.</param>
/// <param name="Value">The value; NaN is written as NaN.</param>
public readonly record struct TensorBoardScalar(string Tag, float Value);
