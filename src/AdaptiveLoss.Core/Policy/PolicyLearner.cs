using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// The shared loss controller: π_θ, its Adam state, the replay memory and the baseline (spec §1.4). Decides actions
/// for a state and performs one REINFORCE update per round:
/// ∇J ≈ mean over transitions of (r − b) Σ_groups ∇ log π(a_g|s_g)  — the joint log-probability is the sum over groups.
/// A round's transitions get advantages from the baseline (population: r minus the round's mean reward; ema: r minus
/// the running average before this round, then the average moves), are added to the memory, and the update uses them
/// plus <see cref="ExperimentOptions.ReplaySample"/> transitions sampled from the memory (with their stored advantages).
/// </summary>
public sealed class PolicyLearner
{
    /// <summary>A fresh policy for <paramref name="featureCount"/> features, initialised from <paramref name="seed"/>.</summary>
    public PolicyLearner(ExperimentOptions options, int featureCount, int seed) => throw new NotImplementedException();

    /// <summary>The network π_θ.</summary>
    public PolicyNetwork Network => throw new NotImplementedException();

    /// <summary>Updates applied so far: the version stamped on each decision.</summary>
    public long Version => throw new NotImplementedException();

    /// <summary>Transitions received in all rounds.</summary>
    public long Transitions => throw new NotImplementedException();

    /// <summary>The replay memory.</summary>
    public ReplayMemory<ScoredTransition> Memory => throw new NotImplementedException();

    /// <summary>Samples one action per group from π(·|s_g).</summary>
    public PolicyDecision Decide(float[][] states, Random random) => throw new NotImplementedException();

    /// <summary>One REINFORCE step on a round (non-empty); increments <see cref="Version"/>.</summary>
    public PolicyUpdate Update(IReadOnlyList<Transition> round, Random random) => throw new NotImplementedException();

    /// <summary>Counts a round's transitions and moves the baseline without changing θ (frozen policy).</summary>
    public void Observe(IReadOnlyList<Transition> round) => throw new NotImplementedException();
}
