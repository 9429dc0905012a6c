using System.Runtime.InteropServices;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// The shared loss controller: π_θ, its Adam state, the replay memory and the baseline (docs/design.md §1.4). Decides actions
/// for a state and performs one REINFORCE update per round:
/// ∇J ≈ mean over transitions of (r − b) Σ_groups ∇ log π(a_g|s_g)  — the joint log-probability is the sum over groups;
/// with pair credit each group's term has its own advantage instead (<see cref="GroupCredit"/>, docs/credit.md).
/// A round's transitions get advantages from the baseline (population: r minus the round's mean reward, or with sibling
/// rounds the mean of the same lineage's siblings, docs/credit.md; ema: r minus the running average before this round,
/// then the average moves), are added to the memory, and the update uses them
/// plus <see cref="PolicySettings.ReplaySample"/> transitions sampled from the memory (with their stored advantages).
/// Baseline details: the running average starts at 0 (so the first round's advantages are the raw rewards) and moves
/// by avg ← decay·avg + (1 − decay)·r for every reward, in order, under either baseline; a population round with a
/// single transition (or a lineage with a single sibling in the round) has no peers to compare with and falls back to
/// that running average. Not thread-safe.
/// </summary>
public sealed partial class PolicyLearner
{
    private readonly PolicySettings _settings;
    private readonly double[] _gradient;
    private readonly PolicyBatch _batch;
    // Grown to the largest batch seen (rows × 3): a round's probabilities, reused by the next round.
    private double[] _probabilities = [];
    private readonly List<float[]> _rows = [];
    private readonly List<int> _actions = [];
    private readonly List<double> _scales = [];

    /// <summary>A fresh policy for <paramref name="featureCount"/> features, initialised from <paramref name="seed"/>.</summary>
    public PolicyLearner(ExperimentOptions options, int featureCount, int seed)
        : this(PolicySettings.From(options), featureCount, seed)
    {
    }

    /// <summary>A fresh policy for <paramref name="featureCount"/> features with <paramref name="settings"/>, initialised from <paramref name="seed"/>.</summary>
    public PolicyLearner(PolicySettings settings, int featureCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        Network = new PolicyNetwork(featureCount, settings.Hidden, seed);
        Optimizer = new AdamOptimizer(Network.Parameters.Length, settings.LearningRate);
        Memory = new ReplayMemory<ScoredTransition>(settings.ReplayCapacity);
        _gradient = new double[Network.Parameters.Length];
        _batch = new PolicyBatch(featureCount, settings.Hidden);
    }

    /// <summary>The network π_θ.</summary>
    public PolicyNetwork Network { get; }

    /// <summary>Adam's state (for checkpoints).</summary>
    public AdamOptimizer Optimizer { get; }

    /// <summary>Updates applied so far: the version stamped on each decision.</summary>
    public long Version { get; private set; }

    /// <summary>Transitions received in all rounds.</summary>
    public long Transitions { get; private set; }

    /// <summary>The running (EMA) average of all rewards received: the ema baseline before the next round.</summary>
    public double BaselineAverage { get; private set; }

    /// <summary>The replay memory.</summary>
    public ReplayMemory<ScoredTransition> Memory { get; }

    /// <summary>A copy of everything learned so far (docs/durability.md), for the coordinator's storage.</summary>
    public PolicyLearnerState Export() => new(
        [.. Network.Parameters], Optimizer.Step, [.. Optimizer.FirstMoment], [.. Optimizer.SecondMoment],
        Version, Transitions, BaselineAverage, [.. Memory.Items]);

    /// <summary>
    /// Replaces everything learned with <paramref name="state"/> (from <see cref="Export"/> of a learner with the same
    /// dimensions); checks the dimensions first, so a mismatched state changes nothing.
    /// </summary>
    public void Restore(PolicyLearnerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Parameters.Length != Network.Parameters.Length)
        {
            throw new ArgumentException(
                $"stored policy has {state.Parameters.Length} parameters; this policy has {Network.Parameters.Length}", nameof(state));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(state.Version);
        ArgumentOutOfRangeException.ThrowIfNegative(state.Transitions);
        Optimizer.Restore(state.AdamStep, state.FirstMoment, state.SecondMoment);
        state.Parameters.CopyTo(Network.Parameters, 0);
        Version = state.Version;
        Transitions = state.Transitions;
        BaselineAverage = state.BaselineAverage;
        Memory.Clear();
        foreach (var item in state.Memory)
        {
            Memory.Add(item);
        }
    }

    /// <summary>Samples one action per group from π(·|s_g) (all groups in one batched forward pass, <see cref="PolicyBatch"/>).</summary>
    public PolicyDecision Decide(float[][] states, Random random)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(random);
        return Decide([states], [random])[0];
    }

    /// <summary>
    /// <see cref="Decide(float[][], Random)"/> for many states at once, each with its own random stream: one forward pass
    /// over all their rows. Each row's probabilities do not depend on the other rows (the forward pass is element-wise
    /// per row), so every decision is exactly the one it would be alone.
    /// </summary>
    public PolicyDecision[] Decide(IReadOnlyList<float[][]> states, IReadOnlyList<Random> randoms)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(randoms);
        if (states.Count != randoms.Count)
        {
            throw new ArgumentException($"{states.Count} states need as many random streams, got {randoms.Count}", nameof(randoms));
        }

        _rows.Clear();
        foreach (var state in states)
        {
            _rows.AddRange(state);
        }

        var probabilities = Scratch(_rows.Count);
        _batch.Probabilities(Network.Parameters, _rows, probabilities);
        var decisions = new PolicyDecision[states.Count];
        var row = 0;
        for (var d = 0; d < states.Count; d++)
        {
            var groups = states[d].Length;
            var actions = new int[groups];
            var entropy = 0.0;
            for (var g = 0; g < groups; g++, row++)
            {
                var p = probabilities.Slice(row * ActionSet.Count, ActionSet.Count);
                actions[g] = SampleAction(p, randoms[d].NextDouble());
                entropy += Entropy(p);
            }

            decisions[d] = new PolicyDecision(actions, Version, groups == 0 ? 0.0 : entropy / groups);
        }

        return decisions;
    }

    /// <summary>One REINFORCE step on a round (non-empty); increments <see cref="Version"/>.</summary>
    public PolicyUpdate Update(IReadOnlyList<Transition> round, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Validate(round);
        var meanReward = MeanReward(round);
        var baselines = Baselines(round);
        MoveAverage(round);

        // Sample the memory before this round joins it, so fresh transitions are not counted twice.
        var replayed = Memory.Sample(_settings.ReplaySample, random);
        var used = round.Count + replayed.Count;
        var groupAdvantages = GroupCredit.Advantages(round);
        _rows.Clear();
        _actions.Clear();
        _scales.Clear();
        var advantages = new double[round.Count];
        for (var k = 0; k < round.Count; k++)
        {
            advantages[k] = round[k].Reward - baselines[k];
            AddRows(round[k], advantages[k], groupAdvantages[k], used);
            Memory.Add(new ScoredTransition(round[k], advantages[k], groupAdvantages[k]));
        }

        foreach (var scored in replayed)
        {
            AddRows(scored.Transition, scored.Advantage, scored.GroupAdvantages, used);
        }

        // One batched forward and backward pass over every group row of the round and the replayed transitions.
        Array.Clear(_gradient);
        var probabilities = Scratch(_rows.Count);
        _batch.AccumulateLogProbabilityGradient(Network.Parameters, _rows, CollectionsMarshal.AsSpan(_actions),
            CollectionsMarshal.AsSpan(_scales), _gradient, probabilities);
        // _gradient holds ∇(−J); Adam descends it, which ascends J.
        var norm = 0.0;
        foreach (var g in _gradient)
        {
            norm += g * g;
        }

        Optimizer.Apply(Network.Parameters, _gradient);
        Version++;
        Transitions += round.Count;
        // One baseline for the whole round (no siblings, or ema) is reported as it is; per-lineage ones as their mean.
        var baseline = Array.TrueForAll(baselines, b => b == baselines[0]) ? baselines[0] : baselines.Average();
        return new PolicyUpdate(Version, round.Count, replayed.Count, meanReward, baseline, meanReward - baseline, Math.Sqrt(norm),
            Std(advantages), MeanEntropy(round));
    }

    /// <summary>Mean entropy (nats) of π(·|s_g) over every group of every transition of <paramref name="round"/>.</summary>
    public double MeanEntropy(IReadOnlyList<Transition> round)
    {
        ArgumentNullException.ThrowIfNull(round);
        _rows.Clear();
        foreach (var transition in round)
        {
            _rows.AddRange(transition.States);
        }

        var probabilities = Scratch(_rows.Count);
        _batch.Probabilities(Network.Parameters, _rows, probabilities);
        var sum = 0.0;
        for (var r = 0; r < _rows.Count; r++)
        {
            sum += Entropy(probabilities.Slice(r * ActionSet.Count, ActionSet.Count));
        }

        return _rows.Count == 0 ? 0.0 : sum / _rows.Count;
    }

    /// <summary>Counts a round's transitions and moves the baseline without changing θ (frozen policy).</summary>
    public void Observe(IReadOnlyList<Transition> round)
    {
        Validate(round);
        MoveAverage(round);
        Transitions += round.Count;
    }

    // Queues this transition's group rows with their share of ∇(−J): −(1 / N) Σ_groups A_g ∇ log π(a_g|s_g), A_g = A for
    // a global reward, the group's own advantage with pair credit (GroupCredit).
    private void AddRows(Transition transition, double advantage, double[]? groupAdvantages, int used)
    {
        for (var g = 0; g < transition.States.Length; g++)
        {
            _rows.Add(transition.States[g]);
            _actions.Add(transition.Actions[g]);
            _scales.Add(-(groupAdvantages?[g] ?? advantage) / used);
        }
    }

    private Span<double> Scratch(int rows)
    {
        if (_probabilities.Length < rows * ActionSet.Count)
        {
            _probabilities = new double[rows * ActionSet.Count];
        }

        return _probabilities.AsSpan(0, rows * ActionSet.Count);
    }

    private void MoveAverage(IReadOnlyList<Transition> round)
    {
        var decay = _settings.EmaDecay;
        foreach (var transition in round)
        {
            BaselineAverage = (decay * BaselineAverage) + ((1.0 - decay) * transition.Reward);
        }
    }
}
