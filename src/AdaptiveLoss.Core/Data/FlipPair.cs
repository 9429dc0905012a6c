namespace AdaptiveLoss.Core.Data;

/// <summary>Two classes whose labels swap under pair-flip noise (Han et al. 2018, co-teaching): A ↔ B.</summary>
/// <param name="A">One class of the pair.</param>
/// <param name="B">Its partner.</param>
public sealed record FlipPair(int A, int B);
