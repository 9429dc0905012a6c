namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>
/// Turns the branch rewards of every state into the noise floor σ and the effect δ of each design (docs/noise-floor.md).
/// σ is the spread of the reward difference between two branches that took identical actions: √2 × the SD of one
/// reward. δ is r(+β) − r(−β) on one pair; its signal-to-noise ratio per round is |mean δ| / σ, except for siblings
/// with common random numbers, where σ is 0 by construction and the noise is how much δ itself varies between states.
/// </summary>
internal static class NoiseFloorAnalysis
{
    /// <summary>The designs, each for the global and the pair reward; every state must measure the same βs.</summary>
    public static IReadOnlyList<NoiseFloorDesign> Analyse(IReadOnlyList<NoiseFloorState> states)
    {
        if (states.Count < 2)
        {
            throw new ArgumentException("the noise floor needs at least two states");
        }

        var betas = states[0].Effects.Select(e => e.Beta).ToArray();
        var designs = new List<NoiseFloorDesign>();
        foreach (var pair in new[] { false, true })
        {
            var keep = states.Select(s => pair ? s.KeepPair : s.Keep).ToArray();
            var children = Math.Sqrt(2) * StandardDeviation(keep);
            var batches = Math.Sqrt(2) * Math.Sqrt(states.Average(s => Variance(pair ? [s.KeepPair, .. s.KeepOtherBatchesPair] : [s.Keep, .. s.KeepOtherBatches])));
            var repeat = states.Max(s => Math.Abs(pair ? s.KeepPair - s.KeepAgainPair : s.Keep - s.KeepAgain));
            var reward = pair ? "pair share (end of window)" : "global (Eq. 4 diff, the policy's reward)";
            designs.Add(Design(reward, "children in different states, own batches (today)", children, states, betas, pair, useSpreadOfEffect: false));
            designs.Add(Design(reward, "one state, other batches", batches, states, betas, pair, useSpreadOfEffect: false));
            designs.Add(Design(reward, "siblings: one state, the same batches (common random numbers)", repeat, states, betas, pair, useSpreadOfEffect: true));
        }

        return designs;
    }

    /// <summary>Sample standard deviation (n − 1).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values) => Math.Sqrt(Variance(values));

    private static NoiseFloorDesign Design(string reward, string design, double sigma, IReadOnlyList<NoiseFloorState> states,
        double[] betas, bool pair, bool useSpreadOfEffect)
    {
        var effects = betas.Select((beta, k) =>
        {
            var deltas = states.Select(s => pair ? s.Effects[k].Pair : s.Effects[k].Global).ToArray();
            var mean = deltas.Average();
            var spread = StandardDeviation(deltas);
            var noise = useSpreadOfEffect ? Math.Max(spread, sigma) : sigma;
            // No noise at all: a non-zero effect is always visible (null = unbounded), no effect never is (0).
            return new NoiseFloorDesignEffect(beta, mean, spread, noise > 0 ? Math.Abs(mean) / noise : mean == 0 ? 0 : null);
        }).ToArray();
        return new NoiseFloorDesign(reward, design, sigma, effects);
    }

    private static double Variance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
