using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains;

/// <summary>Joining a coordinator from an experiment's options.</summary>
public static class CoordinatorGrainExtensions
{
    /// <summary>
    /// Validates <paramref name="options"/> (one line naming the first bad flag, <see cref="ArgumentException"/>), then joins
    /// <paramref name="childIds"/> of experiment <paramref name="experimentId"/> with the policy settings of the options.
    /// </summary>
    public static Task JoinAsync(this ICoordinatorGrain coordinator, string experimentId, ExperimentOptions options, int featureCount,
        IReadOnlyList<string> childIds)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var first, ..])
        {
            throw new ArgumentException(first, nameof(options));
        }

        return coordinator.JoinAsync(PolicySettings.From(options), featureCount, PolicyContributor.From(experimentId, options), childIds);
    }
}
