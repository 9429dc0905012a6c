using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>The controller's signals that results.json alone carries: reward balance, policy, Φ drift, reward per round.</summary>
internal static class SignalAnalysis
{
    /// <summary>Rounds in the moving average of the reward per round.</summary>
    public const int MovingAverageWidth = 5;

    /// <summary>The signals of <paramref name="results"/>; <paramref name="rewardUnit"/> names the reward's unit.</summary>
    public static SignalReport Of(RunResults results, string rewardUnit)
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
            PerRound(rewards));
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
