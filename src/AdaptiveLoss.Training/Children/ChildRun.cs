using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Children;

/// <summary>The one entry point of a child's training thread: load the (shared) data, build the child, train it.</summary>
public static class ChildRun
{
    /// <summary>
    /// Runs child <paramref name="spec"/> to the end on the calling thread (a dedicated one, never a grain scheduler):
    /// the data is leased from <see cref="DataCatalog"/> (shared with the other children on it, returned at the end so that
    /// data no child uses any more can go), the model, optimizer and Φ are disposed on return. Throws <see cref="DataFormatException"/> for bad data and
    /// <see cref="OperationCanceledException"/> when cancelled. With a <paramref name="checkpointFolder"/> the child
    /// checkpoints there at every window end and resumes from the newest checkpoint found there (a damaged one throws
    /// <see cref="Checkpoints.CheckpointException"/> before any training); without one the run is as before.
    /// </summary>
    public static ChildOutcome Execute(ChildSpec spec, IChildController controller, CancellationToken cancellationToken,
        string? checkpointFolder = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var data = DataCatalog.Acquire(spec.Settings);
        cancellationToken.ThrowIfCancellationRequested();
        using var trainer = new ChildTrainer(spec, data.Value, checkpointFolder);
        return trainer.Run(controller, cancellationToken);
    }
}
