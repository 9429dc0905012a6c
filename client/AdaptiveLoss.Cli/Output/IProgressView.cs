using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>Shows a run's progress from the polled status: bars on a terminal, lines elsewhere.</summary>
internal interface IProgressView
{
    /// <summary>Shows what is new in <paramref name="status"/>.</summary>
    void Update(ExperimentStatus status);
}
