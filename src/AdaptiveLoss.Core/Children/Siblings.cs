using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Children;

/// <summary>
/// Sibling rounds (docs/credit.md, "Sibling rounds"): at a window start a child (the lineage) branches into siblings
/// that start from its state and draw the same batches, so their rewards differ only by their actions (common random
/// numbers). Each sibling is a member of the policy's rounds under its own id; its reward is compared with its
/// siblings' mean; the lineage continues from the sibling with the best validation metric at the window end (the
/// exploit step of population-based training, Jaderberg et al. 2017). Pure: ids, mirrored actions and the choice.
/// </summary>
public static class Siblings
{
    /// <summary>Sibling <paramref name="sibling"/> of <paramref name="childId"/>: "{childId}~{sibling}".</summary>
    public static string Id(string childId, int sibling)
    {
        ArgumentException.ThrowIfNullOrEmpty(childId);
        ArgumentOutOfRangeException.ThrowIfNegative(sibling);
        return $"{childId}~{sibling}";
    }

    /// <summary>
    /// The ids that take part in the policy's rounds for <paramref name="childId"/>: the child itself when it has one
    /// sibling (the paper's design, ids as before), otherwise <see cref="Id"/> of each sibling.
    /// </summary>
    public static string[] Ids(string childId, int siblings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(siblings, 1);
        return siblings == 1 ? [childId] : [.. Enumerable.Range(0, siblings).Select(k => Id(childId, k))];
    }

    /// <summary><see cref="Ids(string, int)"/> of every child, in order (an array: it travels in grain calls).</summary>
    public static string[] Ids(IEnumerable<string> childIds, int siblings)
    {
        ArgumentNullException.ThrowIfNull(childIds);
        return [.. childIds.SelectMany(id => Ids(id, siblings))];
    }

    /// <summary>
    /// The antithetic partner of <paramref name="actions"/>: −β for +β and back, keep for keep. With the pair's mean as
    /// baseline the two REINFORCE terms add up to ½(r_a − r_−a)·∇[log π(a|s) − log π(−a|s)] per group (docs/credit.md).
    /// </summary>
    public static int[] Mirror(IReadOnlyList<int> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var mirrored = new int[actions.Count];
        for (var g = 0; g < mirrored.Length; g++)
        {
            mirrored[g] = actions[g] switch
            {
                ActionSet.Decrease => ActionSet.Increase,
                ActionSet.Increase => ActionSet.Decrease,
                ActionSet.Keep => ActionSet.Keep,
                var a => throw new ArgumentOutOfRangeException(nameof(actions), a, $"action {g} must be 0, 1 or 2"),
            };
        }

        return mirrored;
    }

    /// <summary>
    /// The sibling the lineage continues from: the best validation metric at the window end (the last of the window's
    /// S measurements) among the siblings that were not discarded; the lowest index on a tie, so the choice does not
    /// depend on timing. −1 when every sibling was discarded (the lineage rolls back, as a single child would).
    /// </summary>
    public static int Choose(IReadOnlyList<WindowReport> siblings, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        var best = -1;
        for (var k = 0; k < siblings.Count; k++)
        {
            var report = siblings[k];
            if (report.Discarded || report.Metrics.Length == 0 || !double.IsFinite(report.Metrics[^1]))
            {
                continue;
            }

            if (best < 0 || Better(report.Metrics[^1], siblings[best].Metrics[^1], direction))
            {
                best = k;
            }
        }

        return best;
    }

    private static bool Better(double candidate, double incumbent, MetricDirection direction) =>
        direction == MetricDirection.LowerIsBetter ? candidate < incumbent : candidate > incumbent;
}
