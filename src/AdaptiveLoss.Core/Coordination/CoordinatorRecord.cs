using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// A coordinator's stored record (docs/durability.md), rewritten after every change and bounded in size: the learner
/// (weights, Adam, baseline, version; its replay memory by reference in <see cref="Memory"/>), the round book (pending
/// transitions as stubs without states), the reward log's open tail (sealed chunks by count in <see cref="Rewards"/>),
/// counters, and who fed the policy. No random generator state: decisions and replay samples draw from
/// <see cref="RandomStreams"/>, pure functions of seed and key.
/// </summary>
/// <param name="PolicyId">The policy (coordinator key).</param>
/// <param name="Settings">The policy settings, without the initial snapshot's weights (<see cref="FromPolicy"/> names it).</param>
/// <param name="FromPolicy">The snapshot the lineage started from ("fashion@65"); null for a random initialisation.</param>
/// <param name="FeatureCount">State features per group.</param>
/// <param name="Learner">The learner, with an empty memory.</param>
/// <param name="Book">The round book, pending transitions without their states.</param>
/// <param name="Rewards">The reward log: sealed chunks and the open tail.</param>
/// <param name="Rounds">Rounds closed.</param>
/// <param name="Updates">Updates applied.</param>
/// <param name="Discarded">Discarded windows booked.</param>
/// <param name="SnapshotVersion">The latest version handed out as a snapshot.</param>
/// <param name="Memory">The memory chunks that hold the replay memory.</param>
/// <param name="Contributions">The experiments that joined, their children and the transitions they fed.</param>
/// <param name="Pending">The chunks that hold the pending transitions; null in a record of an earlier version, whose
/// pending transitions are one document each (<see cref="PolicyCoordinator.PendingKeys"/>).</param>
public sealed record CoordinatorRecord(
    string PolicyId,
    PolicySettings Settings,
    string? FromPolicy,
    int FeatureCount,
    PolicyLearnerState Learner,
    RoundBookState Book,
    RewardLogIndex Rewards,
    int Rounds,
    long Updates,
    int Discarded,
    long SnapshotVersion,
    MemoryIndex Memory,
    PolicyContribution[] Contributions,
    PendingIndex? Pending = null);

/// <summary>The reward log as stored: <paramref name="Chunks"/> sealed <see cref="RewardChunk"/> documents (0 … Chunks − 1), then <paramref name="Tail"/>.</summary>
public sealed record RewardLogIndex(int Chunks, RoundReward[] Tail);

/// <summary>An experiment that joined the policy, its children (as last joined) and the transitions they fed to closed rounds.</summary>
public sealed record PolicyContribution(PolicyContributor Contributor, string[] Children, long Transitions);
