using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Children;

/// <summary>The one entry point of a child's training thread: load the (shared) data, build the child, train it.</summary>
public static class ChildRun
{
    /// <summary>
    /// Runs child <paramref name="spec"/> to the end on the calling thread (a dedicated one, never a grain scheduler):
    /// the data comes from <see cref="DataCatalog"/> (loaded once per process), the model, optimizer and Φ are
    /// disposed on return. Throws <see cref="DataFormatException"/> for bad data and
    /// <see cref="OperationCanceledException"/> when cancelled. With a <paramref name="checkpointFolder"/> the child
    /// checkpoints there at every window end and resumes from the newest checkpoint found there (a damaged one throws
    /// <see cref="Checkpoints.CheckpointException"/> before any training); without one the run is as before.
    /// </summary>
    public static ChildOutcome Execute(ChildSpec spec, IChildController controller, CancellationToken cancellationToken,
        string? checkpointFolder = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var data = DataCatalog.Load(spec.Options);
        cancellationToken.ThrowIfCancellationRequested();
        using var trainer = new ChildTrainer(spec, data, checkpointFolder);
        return trainer.Run(controller, cancellationToken);
    }
}
