using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains;

/// <summary>Everything a child grain needs to start training.</summary>
/// <param name="ExperimentId">Owning experiment.</param>
/// <param name="Index">Index of the child in the population.</param>
/// <param name="Seed">Seed of initialisation and data order.</param>
/// <param name="PolicyId">Coordinator (shared policy) the child asks and reports to.</param>
/// <param name="Settings">What the child reads of the experiment's options (docs/design.md §3, "Settings by owner"): not the
/// population size, the policy's settings or its initial weights, which stay with the experiment and the coordinator.</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.child-job")]
public sealed record ChildJob(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] int Index,
    [property: Id(2)] int Seed,
    [property: Id(3)] string PolicyId,
    [property: Id(4)] ChildSettings Settings);
