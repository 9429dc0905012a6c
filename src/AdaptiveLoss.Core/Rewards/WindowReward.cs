using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Rewards;

/// <summary>The reward of one window (spec §1.5): discounted window metric and its improvement.</summary>
public static class WindowReward
{
    /// <summary>
    /// Eq. 4: M̄ = Σ_j γ^{S−j} M_j / Σ_j γ^{S−j} over the S measurements M_1..M_S of a window (j = 1..S, the last
    /// weighted most). Throws ArgumentException on an empty list.
    /// </summary>
    public static double DiscountedMean(IReadOnlyList<double> values, double gamma) => throw new NotImplementedException();

    /// <summary>
    /// <see cref="RewardKind.Diff"/>: the improvement from <paramref name="previous"/> to <paramref name="current"/> in
    /// percentage points (metrics are fractions in [0, 1]; previous − current for lower-is-better, current − previous
    /// otherwise); <see cref="RewardKind.Sign"/> (Eq. 5): its sign. Ties give 0.
    /// </summary>
    public static double Compute(double previous, double current, RewardKind kind, MetricDirection direction) => throw new NotImplementedException();
}
