using Orleans;
using Orleans.Concurrency;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Grains;

/// <summary>
/// Hosts a shared loss-controller policy (key = policy id; docs/design.md §1.4, §1.6). Decisions are a forward pass of the current
/// policy and carry its version; one REINFORCE update per round of live children, or on the round timeout. States,
/// reports and decisions are <see cref="ImmutableAttribute">[Immutable]</see>: a caller never changes what it sent or
/// received (a child builds a new state every window), so a call within a silo passes them without a defensive copy
/// (docs/design.md §3); between silos they are serialised as always.
/// </summary>
public interface ICoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the policy on first use (with <paramref name="settings"/>) and awaits transitions from <paramref name="childIds"/>
    /// of <paramref name="contributor"/>; refused (<see cref="ArgumentException"/>, one line) when the features, settings or
    /// initial snapshot differ from an existing policy's.
    /// </summary>
    Task JoinAsync(PolicySettings settings, int featureCount, PolicyContributor contributor, IReadOnlyList<string> childIds);

    /// <summary>Samples one action per group for state s_t; a forward pass, no waiting on other children.</summary>
    [return: Immutable]
    Task<PolicyDecision> DecideAsync(string childId, int window, [Immutable] float[][] states);

    /// <summary>
    /// <see cref="DecideAsync"/> for the children of one silo that asked together (the silo's decision batcher): one
    /// batched forward pass; each decision is exactly the one <see cref="DecideAsync"/> would return.
    /// </summary>
    [return: Immutable]
    Task<PolicyDecision[]> DecideManyAsync([Immutable] IReadOnlyList<DecisionRequest> requests);

    /// <summary>
    /// Adds a window's transition; closes a round (and updates the policy) when every live child has reported. Returns
    /// once stored; interleaves with other reports so that those arriving together share one store.
    /// </summary>
    [AlwaysInterleave]
    Task ReportAsync([Immutable] WindowReport report);

    /// <summary>Stops awaiting a child (ended); may close a pending round. Interleaves as <see cref="ReportAsync"/> does.</summary>
    [AlwaysInterleave]
    Task LeaveAsync(string childId);

    /// <summary>Version, updates, transitions, rounds and the reward log.</summary>
    [AlwaysInterleave]
    Task<PolicySummary> GetSummaryAsync();

    /// <summary>
    /// Forgets the policy (its stored state), so that an experiment id can be run again from a fresh policy; refused
    /// while children are live. Snapshots already saved stay.
    /// </summary>
    Task ForgetAsync();
}
