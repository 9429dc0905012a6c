namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>Rewards of +β and −β on the acted-on pair (or on every pair) from one state, with common random numbers.</summary>
/// <param name="Beta">The action size.</param>
/// <param name="Target">What the action moved: "pair a-b" or "all pairs".</param>
/// <param name="Plus">Global reward of +β.</param>
/// <param name="Minus">Global reward of −β.</param>
/// <param name="PlusPair">Pair reward of +β.</param>
/// <param name="MinusPair">Pair reward of −β.</param>
internal sealed record NoiseFloorEffect(double Beta, string Target, double Plus, double Minus, double PlusPair, double MinusPair)
{
    /// <summary>δ of the global reward: r(+β) − r(−β).</summary>
    public double Global => Plus - Minus;

    /// <summary>δ of the pair reward.</summary>
    public double Pair => PlusPair - MinusPair;
}
