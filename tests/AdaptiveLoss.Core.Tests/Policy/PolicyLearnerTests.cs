using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

public sealed class PolicyLearnerTests
{
    private const double Lr = 0.01;
    private const double Eps = 1e-8;

    [Theory]
    [InlineData(1.5)]
    [InlineData(-1.5)]
    public void Update_OneTransitionEmaBaselineZero_HandComputedAdamStepAndProbabilityMove(double reward)
    {
        var learner = TinyLearner(BaselineKind.Ema);
        var theta = TinyPolicy.Parameters();
        var before = TinyPolicy.Network().Probabilities(TinyPolicy.State)[2];

        var update = learner.Update([Step("a", 0, reward, action: 2)], new Random(1));

        // b = 0 (the running average starts at 0), so A = r; the loss is −A·log π(2|s), its gradient g = −A·∇log π.
        // First Adam step: θ ← θ − lr·g/(|g| + ε).
        var grad = TinyPolicy.NumericGradient(TinyPolicy.Network(), TinyPolicy.State, 2);
        var expected = new double[theta.Length];
        for (var k = 0; k < theta.Length; k++)
        {
            var g = -reward * grad[k];
            expected[k] = theta[k] - (Lr * g / (Math.Abs(g) + Eps));
            Assert.Equal(expected[k], learner.Network.Parameters[k], tolerance: 1e-6);
        }

        var after = learner.Network.Probabilities(TinyPolicy.State)[2];
        Assert.Equal(new PolicyNetwork(2, 2, expected).Probabilities(TinyPolicy.State)[2], after, tolerance: 1e-6);
        Assert.Equal(Math.Sign(reward), Math.Sign(after - before));
        Assert.Equal(0.0, update.Baseline);
        Assert.Equal(reward, update.MeanAdvantage);
        Assert.Equal(1, update.Version);
        Assert.Equal(1, learner.Version);
        Assert.Equal(Math.Abs(reward) * Norm(grad), update.GradientNorm, tolerance: 1e-6);
    }

    [Fact]
    public void Update_PopulationBaseline_AdvantagesSumToZeroAndCommonTrendCancels()
    {
        var learner = TinyLearner(BaselineKind.Population);
        var theta = TinyPolicy.Parameters();

        // Same state and action, rewards 3 and 1: b = 2, advantages +1 and −1, so the gradients cancel exactly.
        var update = learner.Update([Step("a", 0, 3.0, action: 0), Step("b", 0, 1.0, action: 0)], new Random(1));

        Assert.Equal(2.0, update.Baseline);
        Assert.Equal(0.0, update.MeanAdvantage);
        Assert.Equal([1.0, -1.0], learner.Memory.Items.Select(s => s.Advantage));
        Assert.Equal(0.0, update.GradientNorm, 12);
        Assert.Equal(theta, learner.Network.Parameters);
        Assert.Equal(1, learner.Version);
    }

    [Fact]
    public void Update_PopulationRound_AdvantageStdAndEntropyOfTheUpdatedPolicy()
    {
        var learner = TinyLearner(BaselineKind.Population);
        var other = new float[] { 0.5f, -1.0f };

        // Rewards 3 and 1: b = 2, advantages +1 and −1, population std 1. Equal actions on the same state cancel
        // (θ unchanged, see above), so the updated policy's entropy is the hand-made network's on the two states.
        var update = learner.Update([Step("a", 0, 3.0, action: 0), Step("b", 0, 1.0, action: 0)], new Random(1));
        var mixed = learner.Update([Step("a", 1, 4.0, action: 1), new Transition("b", 1, [TinyPolicy.State, other], [1, 1], 1.0, 0)], new Random(1));

        Assert.Equal(1.0, update.AdvantageStd, 14);
        Assert.Equal(Entropy(TinyPolicy.Network().Probabilities(TinyPolicy.State)), update.Entropy, tolerance: 1e-6);
        // Three groups in round 2: one of child a, two of child b; the std is over transitions (rewards 4 and 1).
        Assert.Equal(1.5, mixed.AdvantageStd, 14);
        var network = learner.Network;
        var expected = (2 * Entropy(network.Probabilities(TinyPolicy.State)) + Entropy(network.Probabilities(other))) / 3;
        Assert.Equal(expected, mixed.Entropy, tolerance: 1e-6);
        Assert.Equal(expected, learner.MeanEntropy([Step("a", 2, 0, 0), new Transition("b", 2, [TinyPolicy.State, other], [0, 0], 0, 0)]), tolerance: 1e-6);
    }

    [Fact]
    public void Update_SingleTransition_AdvantageStdZero()
    {
        var learner = TinyLearner(BaselineKind.Ema);

        var update = learner.Update([Step("a", 0, 1.5, action: 2)], new Random(1));

        Assert.Equal(0.0, update.AdvantageStd);
        Assert.Equal(Entropy(learner.Network.Probabilities(TinyPolicy.State)), update.Entropy, tolerance: 1e-6);
        Assert.Equal(0.0, learner.MeanEntropy([]));
    }

    [Fact]
    public void Update_PopulationBaselineTwoActions_BetterChildsActionRises()
    {
        var learner = TinyLearner(BaselineKind.Population);
        var before = learner.Network.Probabilities(TinyPolicy.State);

        learner.Update([Step("a", 0, 2.0, action: 0), Step("b", 0, -2.0, action: 1)], new Random(1));

        var after = learner.Network.Probabilities(TinyPolicy.State);
        Assert.True(after[0] > before[0]);
        Assert.True(after[1] < before[1]);
    }

    [Fact]
    public void Update_PopulationSingleTransition_FallsBackToRunningAverage()
    {
        var learner = TinyLearner(BaselineKind.Population);

        var first = learner.Update([Step("a", 0, 2.0, action: 0)], new Random(1));
        var second = learner.Update([Step("a", 1, 5.0, action: 0)], new Random(1));

        Assert.Equal(0.0, first.Baseline);
        Assert.Equal(0.2, second.Baseline, 14);   // 0.9·0 + 0.1·2
        Assert.Equal(4.8, second.MeanAdvantage, 14);
    }

    [Fact]
    public void Update_EmaBaseline_RecursionByHand()
    {
        var learner = TinyLearner(BaselineKind.Ema);

        var first = learner.Update([Step("a", 0, 2.0, 0)], new Random(1));
        var second = learner.Update([Step("a", 1, 4.0, 0), Step("b", 1, -1.0, 0)], new Random(1));
        learner.Observe([Step("a", 2, 3.0, 0)]);

        Assert.Equal(0.0, first.Baseline);
        Assert.Equal(0.2, second.Baseline, 14);                      // 0.1·2
        Assert.Equal([3.8, -1.2], learner.Memory.Items.Skip(1).Select(s => Math.Round(s.Advantage, 12)));
        // Then 0.9·0.2 + 0.1·4 = 0.58, 0.9·0.58 − 0.1 = 0.422, and Observe: 0.9·0.422 + 0.3 = 0.6798.
        Assert.Equal(0.6798, learner.BaselineAverage, 14);
    }

    [Fact]
    public void Observe_FrozenPolicy_CountsWithoutChangingTheta()
    {
        var learner = TinyLearner(BaselineKind.Ema);

        learner.Observe([Step("a", 0, 2.0, 0), Step("b", 0, 1.0, 0)]);

        Assert.Equal(TinyPolicy.Parameters(), learner.Network.Parameters);
        Assert.Equal(0, learner.Version);
        Assert.Equal(2, learner.Transitions);
        Assert.Equal(0, learner.Memory.Count);
        Assert.Equal(0, learner.Optimizer.Step);
    }

    [Fact]
    public void Update_WithReplay_SamplesBeforeAddingAndUsesStoredAdvantage()
    {
        var learner = TinyLearner(BaselineKind.Ema, replaySample: 8);
        var first = learner.Update([Step("a", 0, 1.5, action: 2)], new Random(1));
        var grad = new double[learner.Network.Parameters.Length];
        learner.Network.AccumulateLogProbabilityGradient(TinyPolicy.State, 2, 1.0, grad);

        // Round 2's reward equals the running average (0.1·1.5), so its advantage is 0: only the replayed
        // transition (A = 1.5) contributes, averaged over the 2 used transitions.
        var second = learner.Update([Step("a", 1, 0.15, action: 0)], new Random(1));

        Assert.Equal(0, first.ReplayedTransitions);
        Assert.Equal(1, second.ReplayedTransitions);
        Assert.Equal(1.5 / 2 * Norm(grad), second.GradientNorm, tolerance: 1e-6);
        Assert.Equal(2, learner.Memory.Count);
        Assert.Equal(2, learner.Transitions);
    }

    [Fact]
    public void Decide_SeededRandom_FrequenciesFollowPolicyAndVersionStamped()
    {
        var learner = TinyLearner(BaselineKind.Ema);
        var p = learner.Network.Probabilities(TinyPolicy.State);
        var states = Enumerable.Repeat(TinyPolicy.State, 20_000).ToArray();

        var decision = learner.Decide(states, new Random(11));

        for (var a = 0; a < 3; a++)
        {
            Assert.InRange(decision.Actions.Count(x => x == a) / 20_000.0, p[a] - 0.015, p[a] + 0.015);
        }

        Assert.Equal(-p.Sum(x => x * Math.Log(x)), decision.Entropy, tolerance: 1e-6);
        Assert.Equal(0, decision.PolicyVersion);
        Assert.Equal(decision.Actions, learner.Decide(states, new Random(11)).Actions);
        learner.Update([Step("a", 0, 1.0, 0)], new Random(1));
        Assert.Equal(1, learner.Decide([TinyPolicy.State], new Random(1)).PolicyVersion);
    }

    [Fact]
    public void Update_MalformedTransition_ThrowsAndChangesNothing()
    {
        var learner = TinyLearner(BaselineKind.Ema);
        var bad = new Transition("b", 0, [TinyPolicy.State], [3], 1.0, 0);

        Assert.Throws<ArgumentException>(() => learner.Update([Step("a", 0, 1.0, 0), bad], new Random(1)));
        Assert.Throws<ArgumentException>(() => learner.Update([], new Random(1)));

        Assert.Equal(0, learner.Version);
        Assert.Equal(0, learner.Transitions);
        Assert.Equal(0.0, learner.BaselineAverage);
        Assert.Equal(TinyPolicy.Parameters(), learner.Network.Parameters);
    }

    [Fact]
    public void Constructor_DefaultOptions_Policy24To32To32To3()
    {
        var learner = new PolicyLearner(new ExperimentOptions(), 24, seed: 1);

        Assert.Equal(1955, learner.Network.Parameters.Length);
        Assert.Equal(1000, learner.Memory.Capacity);
        Assert.Equal(new PolicyNetwork(24, 32, 1).Parameters, learner.Network.Parameters);
    }

    private static PolicyLearner TinyLearner(BaselineKind baseline, int replaySample = 0)
    {
        var options = new ExperimentOptions
        {
            PolicyHidden = TinyPolicy.Hidden,
            PolicyLearningRate = Lr,
            ReplaySample = replaySample,
            Baseline = baseline,
            EmaDecay = 0.9,
        };
        var learner = new PolicyLearner(options, TinyPolicy.Inputs, seed: 1);
        TinyPolicy.Parameters().CopyTo(learner.Network.Parameters, 0);
        return learner;
    }

    private static Transition Step(string child, int window, double reward, int action) =>
        new(child, window, [TinyPolicy.State], [action], reward, 0);

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));

    private static double Entropy(double[] p) => -p.Sum(x => x * Math.Log(x));
}
