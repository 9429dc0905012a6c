using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Policy;

/// <summary>The round statistics (baselines, spreads) and the action sampling of <see cref="PolicyLearner"/>.</summary>
public sealed partial class PolicyLearner
{
    private static double MeanReward(IReadOnlyList<Transition> round)
    {
        var sum = 0.0;
        foreach (var transition in round)
        {
            sum += transition.Reward;
        }

        return sum / round.Count;
    }

    private static double Entropy(ReadOnlySpan<double> probabilities)
    {
        var entropy = 0.0;
        foreach (var p in probabilities)
        {
            entropy -= p > 0 ? p * Math.Log(p) : 0.0;
        }

        return entropy;
    }

    /// <summary>
    /// The baseline b of each transition of <paramref name="round"/>: under the population baseline the mean reward of
    /// its peers, the transitions of the round with the same <see cref="Transition.Lineage"/> (all of them without
    /// sibling rounds: the paper's round mean), or the running average where it has no peer; under ema the running
    /// average before this round.
    /// </summary>
    private double[] Baselines(IReadOnlyList<Transition> round)
    {
        var baselines = new double[round.Count];
        if (_settings.Baseline != BaselineKind.Population)
        {
            Array.Fill(baselines, BaselineAverage);
            return baselines;
        }

        foreach (var peers in Enumerable.Range(0, round.Count).GroupBy(k => round[k].Lineage, StringComparer.Ordinal))
        {
            var members = peers.ToArray();
            var mean = members.Length >= 2 ? members.Sum(k => round[k].Reward) / members.Length : BaselineAverage;
            foreach (var k in members)
            {
                baselines[k] = mean;
            }
        }

        return baselines;
    }

    // Population form (divide by N): the spread of r − b over the round.
    private static double Std(double[] values)
    {
        var mean = values.Average();
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sum / values.Length);
    }

    private static int SampleAction(ReadOnlySpan<double> probabilities, double u)
    {
        var cumulative = 0.0;
        for (var k = 0; k < probabilities.Length - 1; k++)
        {
            cumulative += probabilities[k];
            if (u < cumulative)
            {
                return k;
            }
        }

        // Rounding can leave the cumulative sum a hair below 1: the last action takes the remainder.
        return probabilities.Length - 1;
    }
}
