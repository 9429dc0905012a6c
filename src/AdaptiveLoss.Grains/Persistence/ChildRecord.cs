using AdaptiveLoss.Core.Children;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// A child grain's stored state (docs/durability.md): its job, life-cycle state, every window reported (one entry per window
/// index) and, once ended, outcome or error. A non-ended record on activation means the training that owned it is
/// gone (process or silo lost): the child resumes from its checkpoint. <paramref name="Revision"/> counts the window
/// reports stored, so that a watcher's cursor stays valid across activations (0 in records written before it existed).
/// </summary>
public sealed record ChildRecord(ChildJob Job, ChildState State, WindowSummary[] Windows, ChildOutcome? Outcome, string? Error,
    long Revision = 0);
