using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>The production runner: TorchSharp training of one child on the calling thread.</summary>
public sealed class TorchChildRunner : IChildRunner
{
    /// <inheritdoc/>
    public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the TorchSharp child trainer has not landed yet");

    /// <inheritdoc/>
    public void ConfigureThreads(int runningChildren) => TorchThreads.Configure(runningChildren);
}
