using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// What a <see cref="PolicyCoordinator"/> operation asks its host to do, in this order (docs/durability.md): store
/// <see cref="Write"/>, then <see cref="Record"/> (which refers to them), then delete <see cref="Delete"/> (which it no
/// longer refers to), then save <see cref="Snapshot"/> when one is due. A crash between any two steps leaves a record
/// whose documents all exist (at worst an orphan document).
/// </summary>
/// <param name="Added">False for a report the policy already had (a duplicate changes nothing but is stored again).</param>
/// <param name="Closed">Rounds closed, with their updates.</param>
/// <param name="Write">Write-once documents to store before the record: every one not yet acknowledged with <see cref="PolicyCoordinator.Saved"/>.</param>
/// <param name="Record">The record to store.</param>
/// <param name="Delete">Documents to delete after the record is stored.</param>
/// <param name="Snapshot">A snapshot due now (learning policies only), else null.</param>
/// <param name="Idle">No child is live and nothing is pending: the round timer can stop.</param>
public sealed record CoordinatorStep(
    bool Added,
    IReadOnlyList<ClosedRound> Closed,
    DocumentWrites Write,
    CoordinatorRecord Record,
    DocumentDeletes Delete,
    PolicySnapshot? Snapshot,
    bool Idle);
