using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training;

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
    /// Why this silo cannot train on the data of <paramref name="settings"/> (docs/cluster.md: each silo reads its own
    /// data folder), as one line naming the file, or null. A runner that reads no data (a test's fake) has no problem.
    /// </summary>
    string? DataProblem(ChildSettings settings) => null;

    /// <summary>
    /// Null when <paramref name="children"/> children on this silo's data stay within the run's window budget
    /// (<see cref="OptionLimits.MaxChildWindows"/>); otherwise the error. Called after <see cref="DataProblem"/> found none.
    /// </summary>
    ValidationError? WindowBudget(ChildSettings settings, int children) => null;

    /// <summary>Sets the process-wide compute threads for <paramref name="runningChildren"/> concurrent children (docs/design.md §3).</summary>
    void ConfigureThreads(int runningChildren);
}
