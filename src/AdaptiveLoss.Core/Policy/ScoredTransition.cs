namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// A transition with the advantage r − b it was given in its round, and with pair credit one advantage per group
/// (null otherwise); replayed as is.
/// </summary>
public sealed record ScoredTransition(Transition Transition, double Advantage, double[]? GroupAdvantages = null);
