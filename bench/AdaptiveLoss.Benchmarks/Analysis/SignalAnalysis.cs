using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Statistics;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>The controller's signals that results.json alone carries: reward balance, policy, Φ drift, reward per round.</summary>
internal static class SignalAnalysis
{
    /// <summary>Rounds in the moving average of the reward per round.</summary>
    public const int MovingAverageWidth = 5;

    /// <summary>Fraction of the counted windows at each end of training that <see cref="ActionTrend"/> pools.</summary>
    public const double TrendFraction = 0.1;

    /// <summary>
    /// The signals of <paramref name="results"/> (and of <paramref name="history"/> when the run wrote one);
    /// <paramref name="rewardUnit"/> names the reward's unit.
    /// </summary>
    public static SignalReport Of(RunResults results, string rewardUnit, RunHistory? history = null)
    {
        var rewards = results.Rewards;
        var phis = results.Children.Select(c => c.Phi).OfType<RunPhi>().ToArray();
        return new SignalReport(
            Balance(rewards.Select(r => r.Reward).ToArray(), rewardUnit),
            results.Policy,
            new PhiDrift(
                phis.Length == 0 ? null : phis.Average(p => p.NormFromIdentity),
                phis.Length == 0 ? null : phis.Min(p => p.Min),
                phis.Length == 0 ? null : phis.Max(p => p.Max)),
            PerRound(rewards),
            Spread(rewards),
            history is null ? null : Trend(history));
    }

    /// <summary>
    /// Mean within-round population std of the rewards over rounds 2 onwards that have at least two rewards; null when
    /// there is no such round.
    /// </summary>
    public static double? Spread(IReadOnlyList<RunReward> rewards)
    {
        var stds = rewards.GroupBy(r => r.Round)
            .Where(g => g.Key > 1 && g.Count() > 1)
            .Select(g =>
            {
                var mean = g.Average(r => r.Reward);
                return Math.Sqrt(g.Average(r => (r.Reward - mean) * (r.Reward - mean)));
            })
            .ToArray();
        return stds.Length == 0 ? null : stds.Average();
    }

    /// <summary>
    /// Action shares over the first and last <see cref="TrendFraction"/> of each child's counted windows (at least one
    /// window each), pooled over the children; null when no child has a counted window with actions.
    /// </summary>
    public static ActionTrend? Trend(RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var counted = history.Children
            .Select(c => c.Windows.Where(w => w.DiscardReason is null && w.ActionCounts is { Length: 3 } && w.ActionCounts.Sum() > 0).ToArray())
            .Where(w => w.Length > 0)
            .ToArray();
        if (counted.Length == 0)
        {
            return null;
        }

        var part = Math.Max(1, (int)Math.Round(counted.Min(w => w.Length) * TrendFraction));
        var early = Shares(counted.SelectMany(w => w.Take(part)));
        var late = Shares(counted.SelectMany(w => w.Skip(w.Length - part)));
        var entropy = -late.Where(p => p > 0).Sum(p => p * Math.Log(p));
        return new ActionTrend(part, early, late, entropy);
    }

    private static double[] Shares(IEnumerable<Grains.WindowSummary> windows)
    {
        var totals = new double[3];
        foreach (var window in windows)
        {
            for (var a = 0; a < 3; a++)
            {
                totals[a] += window.ActionCounts[a];
            }
        }

        var sum = totals.Sum();
        return totals.Select(t => t / sum).ToArray();
    }

    /// <summary>Shares of positive, exactly zero and negative rewards, and the mean.</summary>
    public static RewardBalance Balance(IReadOnlyList<double> rewards, string unit)
    {
        var positive = rewards.Count(r => r > 0);
        var zero = rewards.Count(r => r == 0);
        var negative = rewards.Count(r => r < 0);
        double? Share(int count) => rewards.Count == 0 ? null : (double)count / rewards.Count;
        return new RewardBalance(
            rewards.Count, positive, zero, negative, Share(positive), Share(zero), Share(negative),
            rewards.Count == 0 ? null : rewards.Average(), unit);
    }

    /// <summary>Mean reward of each round in round order, with a trailing moving average over <see cref="MovingAverageWidth"/> rounds.</summary>
    public static IReadOnlyList<RoundReward> PerRound(IReadOnlyList<RunReward> rewards)
    {
        var rounds = rewards.GroupBy(r => r.Round).OrderBy(g => g.Key).ToArray();
        var means = rounds.Select(g => g.Average(r => r.Reward)).ToArray();
        var moving = MovingAverage.Trailing(means, MovingAverageWidth);
        return rounds.Select((g, i) => new RoundReward(g.Key, g.Count(), means[i], moving[i])).ToArray();
    }
}
