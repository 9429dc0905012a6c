namespace AdaptiveLoss.Core.Policy;

/// <summary>The round statistics and the action sampling of <see cref="PolicyLearner"/>: pure functions of their arguments.</summary>
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

    // r − b shifts every reward by the same b, so the advantages' spread is the rewards' (population form, divide by N).
    private static double RewardStd(IReadOnlyList<Transition> round, double meanReward)
    {
        var sum = 0.0;
        foreach (var transition in round)
        {
            sum += (transition.Reward - meanReward) * (transition.Reward - meanReward);
        }

        return Math.Sqrt(sum / round.Count);
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
