using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>An experiment's stored state (docs/durability.md): its options, when it started, its state and its ended children.</summary>
public sealed record ExperimentRecord(
    ExperimentOptions Options,
    DateTimeOffset StartedAt,
    ExperimentState State,
    bool CancelRequested,
    ChildStatus[] Ended,
    DateTimeOffset? EndedAt);
