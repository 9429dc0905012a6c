using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Training;

/// <summary>Immutable description of one child's run.</summary>
/// <param name="ChildId">Child key, "{experimentId}/{index}".</param>
/// <param name="Index">Index in the population, 0-based.</param>
/// <param name="Seed">Seed of initialisation and data order (experiment seed + index).</param>
/// <param name="Options">The experiment's hyperparameters.</param>
public sealed record ChildSpec(string ChildId, int Index, int Seed, ExperimentOptions Options);
