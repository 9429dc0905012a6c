using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Rewards;

/// <summary>The reward of one window (docs/design.md §1.5): discounted window metric and its improvement.</summary>
public static class WindowReward
{
    /// <summary>Improvements smaller than this (in percentage points) are ties: rounding noise, not a signal.</summary>
    public const double TieTolerance = 1e-12;

    /// <summary>
    /// Eq. 4: M̄ = Σ_j γ^{S−j} M_j / Σ_j γ^{S−j} over the S measurements M_1..M_S of a window (j = 1..S, the last
    /// weighted most). Throws ArgumentException on an empty list.
    /// </summary>
    public static double DiscountedMean(IReadOnlyList<double> values, double gamma)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("the window has no metric measurements (S = 0)", nameof(values));
        }

        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be in (0, 1]");
        }

        // Walk from the last measurement (weight γ^0) backwards, multiplying the weight by γ each step.
        var weight = 1.0;
        var weightedSum = 0.0;
        var weightSum = 0.0;
        for (var j = values.Count - 1; j >= 0; j--)
        {
            weightedSum += weight * values[j];
            weightSum += weight;
            weight *= gamma;
        }

        return weightedSum / weightSum;
    }

    /// <summary>
    /// <see cref="RewardKind.Diff"/>: the improvement from <paramref name="previous"/> to <paramref name="current"/> in
    /// percentage points (metrics are fractions in [0, 1]; previous − current for lower-is-better, current − previous
    /// otherwise); <see cref="RewardKind.Sign"/> (Eq. 5): its sign. Ties give 0. Non-finite metrics throw
    /// ArgumentException: the guards (docs/design.md §1.7) must discard such a window before a reward is computed.
    /// </summary>
    public static double Compute(double previous, double current, RewardKind kind, MetricDirection direction)
    {
        if (!double.IsFinite(previous) || !double.IsFinite(current))
        {
            throw new ArgumentException($"window metrics must be finite (previous {previous}, current {current})");
        }

        var diff = direction == MetricDirection.LowerIsBetter
            ? (previous - current) * 100.0
            : (current - previous) * 100.0;
        if (Math.Abs(diff) < TieTolerance)
        {
            diff = 0.0;
        }

        return kind switch
        {
            RewardKind.Diff => diff,
            RewardKind.Sign => Math.Sign(diff),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
