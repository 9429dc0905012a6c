namespace AdaptiveLoss.Core.Control;

/// <summary>
/// The difference reward of each class pair (docs/credit.md): r_ij = 100 × (s_ij(prev) − s_ij(now)) in percentage
/// points, s_ij the pair's share of the error-type metric on the validation split at a window end
/// (<see cref="Metrics.ClassificationMetrics.PairShares"/>: its confusions N_ij + N_ji weighted as the metric weights
/// them). The shares sum to the metric, so the pairs' rewards sum to the end-of-window metric's improvement: the global
/// reward split among the pairs that earned it. Holds the last shares observed, which rollbacks and checkpoints keep.
/// </summary>
public sealed class PairCredit(int pairs)
{
    private double[]? _last;

    /// <summary>Number of class pairs.</summary>
    public int Pairs { get; } = pairs;

    /// <summary>The shares observed last (at the previous window end, or at the start), or null before any.</summary>
    public double[]? Last => _last is null ? null : [.. _last];

    /// <summary>
    /// Each pair's reward for a window that ended with <paramref name="shares"/>, against the last shares observed; null
    /// before any was observed (a child resumed from a checkpoint without shares reports a global reward once).
    /// </summary>
    public double[]? Rewards(IReadOnlyList<double> shares)
    {
        Check(shares);
        return _last is null ? null : [.. _last.Select((before, k) => 100.0 * (before - shares[k]))];
    }

    /// <summary>Records the shares measured at a window end (a copy is kept).</summary>
    public void Observe(IReadOnlyList<double> shares)
    {
        Check(shares);
        _last = [.. shares];
    }

    /// <summary>Puts back shares from <see cref="Last"/> (rollback, checkpoint); null forgets them.</summary>
    public void Restore(double[]? shares)
    {
        if (shares is not null)
        {
            Check(shares);
        }

        _last = shares is null ? null : [.. shares];
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="shares"/> has one finite value in [0, 1] per pair.</summary>
    public void Check(IReadOnlyList<double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count != Pairs)
        {
            throw new ArgumentException($"{shares.Count} pair shares, expected {Pairs}", nameof(shares));
        }

        for (var k = 0; k < shares.Count; k++)
        {
            if (!(shares[k] is >= 0 and <= 1))
            {
                throw new ArgumentException($"pair {k}'s share {shares[k]} is not in [0, 1]", nameof(shares));
            }
        }
    }
}
