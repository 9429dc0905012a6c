using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Training.Children;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>Stops a child the way a cancelled run does: after a window has checkpointed, by its cancellation token.</summary>
internal static class Stop
{
    /// <summary>Runs <paramref name="trainer"/> until window <paramref name="window"/> has ended, then cancels it.</summary>
    public static void AfterWindow(ChildTrainer trainer, IChildController controller, int window)
    {
        using var cancellation = new CancellationTokenSource();
        trainer.AfterWindow = w =>
        {
            if (w == window)
            {
                cancellation.Cancel();
            }
        };
        Assert.Throws<OperationCanceledException>(() => trainer.Run(controller, cancellation.Token));
    }
}
