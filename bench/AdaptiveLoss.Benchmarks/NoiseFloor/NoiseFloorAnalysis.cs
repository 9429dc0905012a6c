namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>
/// Turns the branch rewards of every state into the noise floor σ and the effect δ of each design (docs/noise-floor.md).
/// σ is the spread of the reward difference between two branches that took identical actions: √2 × the SD of one
/// reward. δ is r(+β) − r(−β) on one pair; its signal-to-noise ratio per round is |mean δ| / σ, except for siblings
/// with common random numbers, where σ is 0 by construction and the noise is how much δ itself varies between states.
/// </summary>
internal static class NoiseFloorAnalysis
{
    /// <summary>
    /// The designs per horizon, each for the global and the pair reward; every state must measure the same effects
    /// (β and target) at every horizon.
    /// </summary>
    public static IReadOnlyList<NoiseFloorDesign> Analyse(IReadOnlyList<NoiseFloorState> states) =>
        [.. states.GroupBy(s => s.Horizon).OrderBy(g => g.Key).SelectMany(g => AnalyseHorizon(g.Key, [.. g]))];

    /// <summary>Sample standard deviation (n − 1).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values) => Math.Sqrt(Variance(values));

    private static List<NoiseFloorDesign> AnalyseHorizon(int horizon, IReadOnlyList<NoiseFloorState> states)
    {
        if (states.Count < 2)
        {
            throw new ArgumentException("the noise floor needs at least two states");
        }

        var effects = states[0].Effects.Select(e => (e.Beta, e.Target)).ToArray();
        var designs = new List<NoiseFloorDesign>();
        foreach (var pair in new[] { false, true })
        {
            var keep = states.Select(s => pair ? s.KeepPair : s.Keep).ToArray();
            var children = Math.Sqrt(2) * StandardDeviation(keep);
            var batches = Math.Sqrt(2) * Math.Sqrt(states.Average(s => Variance(pair ? [s.KeepPair, .. s.KeepOtherBatchesPair] : [s.Keep, .. s.KeepOtherBatches])));
            var repeat = states.Max(s => Math.Abs(pair ? s.KeepPair - s.KeepAgainPair : s.Keep - s.KeepAgain));
            var reward = pair ? "pair share (end of window)" : "global (Eq. 4 diff, the policy's reward)";
            designs.Add(Design(horizon, reward, "children in different states, own batches (today)", children, states, effects, pair, useSpreadOfEffect: false));
            designs.Add(Design(horizon, reward, "one state, other batches", batches, states, effects, pair, useSpreadOfEffect: false));
            designs.Add(Design(horizon, reward, "siblings: one state, the same batches (common random numbers)", repeat, states, effects, pair, useSpreadOfEffect: true));
        }

        return designs;
    }

    private static NoiseFloorDesign Design(int horizon, string reward, string design, double sigma, IReadOnlyList<NoiseFloorState> states,
        (double Beta, string Target)[] measured, bool pair, bool useSpreadOfEffect)
    {
        var effects = measured.Select((effect, k) =>
        {
            var deltas = states.Select(s => pair ? s.Effects[k].Pair : s.Effects[k].Global).ToArray();
            var mean = deltas.Average();
            var spread = StandardDeviation(deltas);
            var noise = useSpreadOfEffect ? Math.Max(spread, sigma) : sigma;
            // No noise at all: a non-zero effect is always visible (null = unbounded), no effect never is (0).
            return new NoiseFloorDesignEffect(effect.Beta, effect.Target, mean, spread, noise > 0 ? Math.Abs(mean) / noise : mean == 0 ? 0 : null);
        }).ToArray();
        return new NoiseFloorDesign(horizon, reward, design, sigma, effects);
    }

    private static double Variance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
