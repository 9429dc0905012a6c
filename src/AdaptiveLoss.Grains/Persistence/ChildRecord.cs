using AdaptiveLoss.Core.Children;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// A child grain's stored state (docs/durability.md): its life-cycle state, every window reported (one entry per window
/// index) and, once ended, outcome or error. A non-ended record on activation means the training that owned it is
/// gone (process or silo lost): the child resumes from its checkpoint. <paramref name="Revision"/> counts the window
/// reports stored, so that a watcher's cursor stays valid across activations (0 in records written before it existed).
/// The job is a document of its own, written once at start (it never changes, so the per-window write leaves it out);
/// <paramref name="Job"/> is only read, from records written before that split.
/// </summary>
public sealed record ChildRecord(ChildState State, WindowSummary[] Windows, ChildOutcome? Outcome, string? Error,
    long Revision = 0, ChildJob? Job = null);
