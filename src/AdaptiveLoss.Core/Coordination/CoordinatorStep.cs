using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// What a <see cref="PolicyCoordinator"/> operation did: whether it changed anything, the rounds it closed and a snapshot
/// now due. The storage it implies is asked for separately (<see cref="PolicyCoordinator.Commit"/>), so that a host can
/// store once for many operations that arrive together (docs/durability.md, "Group commit"). A host saves
/// <see cref="Snapshot"/> before it stores the next commit: the stored record still owes the snapshot until then, so
/// a crash in between takes it again (a snapshot is written at least once).
/// </summary>
/// <param name="Added">False for a report the policy already had (a duplicate changes nothing but is stored again).</param>
/// <param name="Closed">Rounds closed, with their updates.</param>
/// <param name="Snapshot">A snapshot due now (learning policies only), else null.</param>
/// <param name="Idle">No child is live and nothing is pending: the round timer can stop.</param>
public sealed record CoordinatorStep(bool Added, IReadOnlyList<ClosedRound> Closed, PolicySnapshot? Snapshot, bool Idle);

/// <summary>
/// What the host must store for everything the coordinator did so far, in this order (docs/durability.md): store
/// <see cref="Write"/>, then <see cref="Record"/> (which refers to them), then delete <see cref="Delete"/> (which it no
/// longer refers to), then acknowledge with <see cref="PolicyCoordinator.Saved"/>. A crash between any two steps leaves
/// a record whose documents all exist (at worst an orphan document); an unacknowledged commit's documents are listed
/// again by the next one.
/// </summary>
/// <param name="Write">Write-once documents to store before the record: every one not yet acknowledged.</param>
/// <param name="Record">The record to store.</param>
/// <param name="Delete">Documents to delete after the record is stored: every one not yet acknowledged.</param>
public sealed record CoordinatorCommit(DocumentWrites Write, CoordinatorRecord Record, DocumentDeletes Delete);
