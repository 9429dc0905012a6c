namespace AdaptiveLoss.Grains;

/// <summary>A snapshot of an experiment and its children.</summary>
/// <param name="ExperimentId">Experiment key.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Children">One status per child, in index order.</param>
/// <param name="ElapsedSeconds">Seconds since start (to the end once finished).</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.experiment-status")]
public sealed record ExperimentStatus(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] ExperimentState State,
    [property: Id(2)] IReadOnlyList<ChildStatus> Children,
    [property: Id(3)] double ElapsedSeconds);
