using AdaptiveLoss.Core.Children;

namespace AdaptiveLoss.Grains;

/// <summary>A snapshot of one child, answered without waiting for training.</summary>
/// <param name="ChildId">Child key.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Windows">Every window so far, oldest first; in an answer to a <see cref="StatusCursor"/>, only the windows
/// reported since the cursor's revision (a window re-run after a resume comes again, with the same index).</param>
/// <param name="Outcome">The final outcome, once completed.</param>
/// <param name="Error">One-line error, once failed.</param>
/// <param name="Revision">How many window reports the child has stored: the cursor of the next incremental status.</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.child-status")]
public sealed record ChildStatus(
    [property: Id(0)] string ChildId,
    [property: Id(1)] ChildState State,
    [property: Id(2)] IReadOnlyList<WindowSummary> Windows,
    [property: Id(3)] ChildOutcome? Outcome,
    [property: Id(4)] string? Error,
    [property: Id(5)] long Revision = 0);
