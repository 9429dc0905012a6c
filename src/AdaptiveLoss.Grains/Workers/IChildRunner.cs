using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// Runs one child synchronously on the calling (dedicated) thread: the seam between the training worker and the
/// TorchSharp trainer, so orchestration can be tested with a fake child that never loads libtorch.
/// </summary>
public interface IChildRunner
{
    /// <summary>Trains the child described by <paramref name="spec"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken);

    /// <summary>
    /// What this silo finds in the data of <paramref name="settings"/> (docs/cluster.md: each silo reads its own data
    /// folder): the problem as one line naming the file, or the training split's size. A runner that reads no data (a
    /// test's fake) finds no problem and no size.
    /// </summary>
    DataCheck CheckData(ChildSettings settings) => new(null, null);

    /// <summary>Sets the process-wide compute threads for <paramref name="runningChildren"/> concurrent children (docs/design.md §3).</summary>
    void ConfigureThreads(int runningChildren);
}
