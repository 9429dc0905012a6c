using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Training;

/// <summary>Immutable description of one child's run.</summary>
/// <param name="ChildId">Child key, "{experimentId}/{index}".</param>
/// <param name="Index">Index in the population, 0-based.</param>
/// <param name="Seed">Seed of initialisation and data order (experiment seed + index).</param>
/// <param name="Settings">What the child reads of its experiment's options (docs/design.md §3, "Settings by owner").</param>
public sealed record ChildSpec(string ChildId, int Index, int Seed, ChildSettings Settings);
