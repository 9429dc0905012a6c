using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains;

/// <summary>Joining a coordinator from an experiment's options.</summary>
public static class CoordinatorGrainExtensions
{
    /// <summary>
    /// Joins <paramref name="childIds"/> of experiment <paramref name="experimentId"/> with the policy settings of
    /// <paramref name="options"/>: each child's siblings when it has several (<see cref="Siblings.Ids(IEnumerable{string}, int)"/>,
    /// docs/credit.md), the child itself otherwise. The experiment validated its options; the coordinator checks the
    /// policy settings it is given (<see cref="InvalidOptionsException"/>).
    /// </summary>
    public static Task JoinAsync(this ICoordinatorGrain coordinator, string experimentId, ExperimentOptions options, int featureCount,
        IReadOnlyList<string> childIds)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(options);
        return coordinator.JoinAsync(PolicySettings.From(options), featureCount, PolicyContributor.From(experimentId, options),
            Siblings.Ids(childIds, options.Siblings));
    }

    /// <summary>Stops awaiting <paramref name="childId"/>: each of its <paramref name="siblings"/> when it has several.</summary>
    public static async Task LeaveChildAsync(this ICoordinatorGrain coordinator, string childId, int siblings)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        foreach (var id in Siblings.Ids(childId, siblings))
        {
            await coordinator.LeaveAsync(id);
        }
    }
}
