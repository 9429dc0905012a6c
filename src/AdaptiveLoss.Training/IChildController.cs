using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Training;

/// <summary>
/// The training thread's link to the orchestration. Called synchronously from the child's dedicated thread (never
/// from a grain scheduler), so an implementation may block on short grain calls.
/// </summary>
public interface IChildController
{
    /// <summary>Asks the shared policy for the actions of window <paramref name="window"/> given state s_t.</summary>
    PolicyDecision Decide(string childId, int window, float[][] states);

    /// <summary>Reports the end of a window: the transition for the coordinator and progress for the child's grain.</summary>
    void Report(WindowReport report);

    /// <summary>
    /// Reports a window run as siblings (docs/credit.md, "Sibling rounds"): every sibling's transition for the
    /// coordinator (discarded ones as skips), and <paramref name="siblings"/>[<paramref name="chosen"/>], the sibling the
    /// child continues from, as the child's progress (−1: every sibling was discarded; the first one's report shows
    /// it). The default reports each sibling as a window of its own, for controllers with no separate progress view.
    /// </summary>
    void ReportSiblings(IReadOnlyList<WindowReport> siblings, int chosen)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        foreach (var report in siblings)
        {
            Report(report);
        }
    }
}
