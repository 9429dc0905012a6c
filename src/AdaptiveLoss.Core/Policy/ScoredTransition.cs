namespace AdaptiveLoss.Core.Policy;

/// <summary>A transition with the advantage r − b it was given in its round; replayed as is.</summary>
public sealed record ScoredTransition(Transition Transition, double Advantage);
