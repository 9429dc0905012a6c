using AdaptiveLoss.Core.Children;

namespace AdaptiveLoss.Grains;

/// <summary>A snapshot of one child, answered without waiting for training.</summary>
/// <param name="ChildId">Child key.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Windows">Every window so far, oldest first.</param>
/// <param name="Outcome">The final outcome, once completed.</param>
/// <param name="Error">One-line error, once failed.</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.child-status")]
public sealed record ChildStatus(
    [property: Id(0)] string ChildId,
    [property: Id(1)] ChildState State,
    [property: Id(2)] IReadOnlyList<WindowSummary> Windows,
    [property: Id(3)] ChildOutcome? Outcome,
    [property: Id(4)] string? Error);
