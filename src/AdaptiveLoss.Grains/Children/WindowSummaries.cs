using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Grains.Children;

/// <summary>The light record of a window (<see cref="WindowSummary"/>) made from the trainer's full report.</summary>
internal static class WindowSummaries
{
    /// <summary>The summary of <paramref name="report"/>: what status, results and TensorBoard show of a window.</summary>
    public static WindowSummary From(WindowReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new WindowSummary(report.Window, report.Epoch, report.Iteration, report.TotalIterations, report.WindowMetric,
            report.ValidationError, report.Reward, report.PolicyVersion, report.TrainLoss, report.ImagesPerSecond,
            report.Phi.NormFromIdentity, report.Discarded ? report.DiscardReason ?? "discarded" : null, CountActions(report.Actions),
            report.PhiPairs);
    }

    /// <summary>Histogram of a decision's action indices (ActionSet: 0 = −β, 1 = 0, 2 = +β) for the run history.</summary>
    public static int[] CountActions(IReadOnlyList<int> actions)
    {
        var counts = new int[ActionSet.Count];
        foreach (var action in actions)
        {
            // An index outside the set would be a bug upstream; ActionSet.Delta already rejects it when Φ moves.
            if ((uint)action < ActionSet.Count)
            {
                counts[action]++;
            }
        }

        return counts;
    }
}
