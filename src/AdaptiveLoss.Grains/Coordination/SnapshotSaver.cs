using AdaptiveLoss.Core.Policy.Snapshots;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// Saves a coordinator's due snapshots to the silo's <see cref="PolicyStore"/> (docs/policy-snapshots.md), when it has one
/// (<see cref="AdaptiveLossSiloExtensions.AddPolicySnapshots"/>). A save is one ~50 KB file written synchronously
/// (milliseconds); the run goes on whatever happens to it, because it is a copy, not the policy's state.
/// </summary>
internal static class SnapshotSaver
{
    public static void Save(PolicyStore? store, PolicySnapshot? snapshot, ILogger logger)
    {
        if (store is null || snapshot is null)
        {
            return;
        }

        try
        {
            Log.SnapshotSaved(logger, snapshot.PolicyId, snapshot.Version, store.Write(snapshot));
        }
        catch (Exception ex)
        {
            // Any failure (disk full, permissions, a non-finite weight the codec refuses): logged, never thrown.
            Log.SnapshotFailed(logger, ex, snapshot.PolicyId, snapshot.Version, store.StateDirectory);
        }
    }
}
