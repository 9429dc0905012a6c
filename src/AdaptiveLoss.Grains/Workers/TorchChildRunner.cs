using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Children;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>The production runner: TorchSharp training of one child on the calling thread.</summary>
public sealed class TorchChildRunner : IChildRunner
{
    /// <inheritdoc/>
    public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken) =>
        ChildRun.Execute(spec, controller, cancellationToken);

    /// <inheritdoc/>
    public void ConfigureThreads(int runningChildren) => TorchThreads.Configure(runningChildren);
}
