using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

/// <summary>Sibling rounds' credit (docs/credit.md): each sibling against its own lineage's mean, by hand.</summary>
public sealed class SiblingCreditTests
{
    private const double Lr = 0.01;
    private const double Eps = 1e-8;

    [Fact]
    public void Update_Lineages_EachSiblingAgainstItsLineageMean()
    {
        var learner = Learner();

        // Lineage a: 3 and 1 (mean 2); lineage b: 10 and 6 (mean 8). A round mean (5) would give −2, −4, 5, 1.
        var update = learner.Update([Step("a~0", 3, "a"), Step("a~1", 1, "a"), Step("b~0", 10, "b"), Step("b~1", 6, "b")], new Random(1));

        Assert.Equal([1.0, -1.0, 2.0, -2.0], learner.Memory.Items.Select(s => s.Advantage));
        Assert.Equal(5.0, update.Baseline);
        Assert.Equal(0.0, update.MeanAdvantage);
        Assert.Equal(Math.Sqrt(2.5), update.AdvantageStd, 14);
    }

    [Fact]
    public void Update_ALineageWithOneSiblingInTheRound_FallsBackToTheRunningAverage()
    {
        var learner = Learner();

        // b's other sibling was discarded: it has no peer, so its baseline is the running average before the round (0).
        learner.Update([Step("a~0", 3, "a"), Step("a~1", 1, "a"), Step("b~0", 4, "b")], new Random(1));

        Assert.Equal([1.0, -1.0, 4.0], learner.Memory.Items.Select(s => s.Advantage));
    }

    [Fact]
    public void Update_AntitheticPair_IsHalfTheRewardGapOnTheLogOddsOfTheTwoDirections()
    {
        var learner = Learner();
        var theta = TinyPolicy.Parameters();
        int[] up = [ActionSet.Increase];

        learner.Update([Step("a~0", 2.5, "a", up), Step("a~1", 0.5, "a", Siblings.Mirror(up))], new Random(1));

        // ∇(−J) = −(1/N) Σ A ∇log π = −(1/2)·(Δ/2)·∇[log π(+β) − log π(−β)], Δ = 2.5 − 0.5; one Adam step: θ − lr·g/(|g| + ε).
        var increase = TinyPolicy.NumericGradient(TinyPolicy.Network(), TinyPolicy.State, ActionSet.Increase);
        var decrease = TinyPolicy.NumericGradient(TinyPolicy.Network(), TinyPolicy.State, ActionSet.Decrease);
        for (var k = 0; k < theta.Length; k++)
        {
            var g = -0.5 * (2.0 / 2) * (increase[k] - decrease[k]);
            if (Math.Abs(g) < 1e-7)
            {
                // The keep logit's terms cancel exactly; finite differences leave ~1e-11 there, which Adam's first step
                // (g / (|g| + ε)) would magnify into a step the analytic gradient does not take.
                Assert.Equal(theta[k], learner.Network.Parameters[k], tolerance: 1e-6);
                continue;
            }

            Assert.Equal(theta[k] - (Lr * g / (Math.Abs(g) + Eps)), learner.Network.Parameters[k], tolerance: 1e-6);
        }
    }

    [Fact]
    public void GroupAdvantages_Lineages_EachPairAgainstTheSamePairOfItsSiblings()
    {
        var round = new[] { Credited("a~0", "a", 2, 5), Credited("a~1", "a", 0, 1), Credited("b~0", "b", 4, 2), Credited("b~1", "b", 8, 2) };

        var advantages = GroupCredit.Advantages(round);

        // a: means (1, 3); b: means (6, 2).
        Assert.Equal([[1.0, 2.0], [-1.0, -2.0], [-2.0, 0.0], [2.0, 0.0]], advantages);
    }

    private static Transition Step(string child, double reward, string lineage, int[]? actions = null) =>
        new(child, 0, [TinyPolicy.State], actions ?? [0], reward, 0, Lineage: lineage);

    private static Transition Credited(string child, string lineage, double first, double second) =>
        new(child, 0, [TinyPolicy.State, [0.2f, -0.4f]], [0, 2], first + second, 0, [first, second], lineage);

    private static PolicyLearner Learner()
    {
        var options = new ExperimentOptions { PolicyHidden = TinyPolicy.Hidden, PolicyLearningRate = Lr, ReplaySample = 0 };
        var learner = new PolicyLearner(options, TinyPolicy.Inputs, seed: 1);
        TinyPolicy.Parameters().CopyTo(learner.Network.Parameters, 0);
        return learner;
    }
}
