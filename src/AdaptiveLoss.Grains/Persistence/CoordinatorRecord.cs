using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// A coordinator's stored state (docs/durability.md): the policy (weights, Adam, replay memory, baseline, version), the round
/// book (live children, pending transitions, every window seen), the reward log and counters. No random generator
/// state: decisions and replay samples draw from <see cref="RandomStreams"/>, pure functions of seed and key. The replay
/// memory is not in the record (its <see cref="PolicyLearnerState.Memory"/> is empty): <see cref="Memory"/> names the
/// <see cref="MemoryChunk"/> documents that hold it, each written once, before the record that first lists it.
/// </summary>
public sealed record CoordinatorRecord(
    string PolicyId,
    ExperimentOptions Options,
    int FeatureCount,
    PolicyLearnerState Learner,
    RoundBookState Book,
    RewardRecord[] Rewards,
    int Rounds,
    long Updates,
    int Discarded,
    long SnapshotVersion,
    MemoryIndex Memory);
