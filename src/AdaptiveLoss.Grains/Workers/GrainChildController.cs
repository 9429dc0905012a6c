using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// The training thread's link to the grains (docs/design.md §3): short grain calls made synchronously from the child's dedicated
/// thread. Blocking is fine there (it is not a scheduler thread) and it keeps the trainer simple and sequential. Each
/// call is retried through faults (<see cref="GrainCallRetry"/>). Decisions go through the silo's
/// <see cref="DecisionBatcher"/>, so children of this silo that ask together share one call. A reported window goes to the child's TensorBoard
/// events too, here where it ends, so they are written with or without a client watching.
/// </summary>
internal sealed class GrainChildController(ICoordinatorGrain coordinator, IChildTrainerGrain child, GrainCallRetry retry,
    ChildEventWriter events, DecisionBatcher decisions) : IChildController
{
    /// <inheritdoc/>
    public PolicyDecision Decide(string childId, int window, float[][] states) =>
        retry.Run(nameof(ICoordinatorGrain.DecideAsync), () => decisions.DecideAsync(coordinator, new DecisionRequest(childId, window, states)));

    /// <inheritdoc/>
    public void Report(WindowReport report)
    {
        // Coordinator first: by the time the child's grain shows the window, its transition is in the round book.
        retry.Run(nameof(ICoordinatorGrain.ReportAsync), () => coordinator.ReportAsync(report));
        ShowProgress(report);
    }

    /// <inheritdoc/>
    public void ReportSiblings(IReadOnlyList<WindowReport> siblings, int chosen)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        // Together, so that one group commit stores them all; a retry re-sends all, and the coordinator ignores the
        // ones it already has (it keys transitions by child and window).
        retry.Run(nameof(ICoordinatorGrain.ReportAsync), () => Task.WhenAll(siblings.Select(coordinator.ReportAsync)));

        // The child's progress is its lineage's: the sibling it continues from, under the child's own id.
        var shown = siblings[Math.Max(chosen, 0)];
        ShowProgress(shown with { ChildId = shown.Lineage ?? shown.ChildId });
    }

    // The child's grain and its TensorBoard events, after the coordinator: a window the grain shows is in the round book.
    private void ShowProgress(WindowReport report)
    {
        retry.Run(nameof(IChildTrainerGrain.ReportWindowAsync), () => child.ReportWindowAsync(report));
        events.Write(report);
    }
}
