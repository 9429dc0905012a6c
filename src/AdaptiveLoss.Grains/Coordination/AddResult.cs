namespace AdaptiveLoss.Grains.Coordination;

/// <summary>What booking a report did: whether it was new (not a duplicate) and the rounds it closed.</summary>
internal sealed record AddResult(bool Added, IReadOnlyList<ClosedRound> Closed);
