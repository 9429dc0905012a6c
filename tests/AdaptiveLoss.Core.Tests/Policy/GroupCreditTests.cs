using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

/// <summary>Pair credit (docs/credit.md): each group's advantage against the same group's round mean, and the update it gives.</summary>
public sealed class GroupCreditTests
{
    private static readonly float[] Other = [0.2f, -0.4f];

    [Fact]
    public void Advantages_EachGroupAgainstItsOwnRoundMean()
    {
        // Group means over the round: (2 + 0 + 4) / 3 = 2 and (5 + 5 + 2) / 3 = 4.
        var round = new[] { Credited("a", 2, 5), Credited("b", 0, 5), Credited("c", 4, 2) };

        var advantages = GroupCredit.Advantages(round);

        Assert.Equal([[0.0, 1.0], [-2.0, 1.0], [2.0, -2.0]], advantages);
    }

    [Fact]
    public void Advantages_OneCreditedTransition_HasNoPeers_AllZero()
    {
        var advantages = GroupCredit.Advantages([Credited("a", 3, -7)]);

        Assert.Equal([[0.0, 0.0]], advantages);
    }

    [Fact]
    public void Advantages_GlobalTransitions_StayNull_AndAreLeftOutOfTheMeans()
    {
        var global = new Transition("g", 0, [TinyPolicy.State, Other], [0, 2], 9.0, 0);

        var advantages = GroupCredit.Advantages([Credited("a", 1, 1), global, Credited("b", 3, 5)]);

        Assert.Equal([-1.0, -2.0], advantages[0]!);
        Assert.Null(advantages[1]);
        Assert.Equal([1.0, 2.0], advantages[2]!);
    }

    [Theory]
    [InlineData(new[] { 1.0 }, null, "1 group rewards for 2 groups")]
    [InlineData(new[] { 1.0, double.NaN }, null, "group 1's reward is not finite (NaN)")]
    [InlineData(new[] { 1.0, 2.0 }, 3, "2 group rewards for 2 groups (the round's others have 3)")]
    public void Problem_NamesWhatDoesNotFit(double[] rewards, int? groups, string expected)
    {
        var t = new Transition("a", 0, [TinyPolicy.State, Other], [0, 1], 0, 0, rewards);

        Assert.Equal(expected, GroupCredit.Problem(t, groups));
    }

    [Fact]
    public void Update_GroupWithZeroAdvantage_ContributesNothing_TheOtherActsAsAGlobalReward()
    {
        // Pair credit: group 1 earns the same in both children (advantage 0), group 0 earns 2 vs 0 (advantages ±1).
        // The children sit in different states, so the ±1 terms do not cancel.
        float[] elsewhere = [0.7f, 0.1f];
        var credited = Learner();
        credited.Update([Credited("a", 2, 5), new Transition("b", 0, [elsewhere, Other], [0, 2], 5, 0, [0, 5])], new Random(3));
        // The same update from the global reward of group 0 alone: rewards 1 and −1 around a round mean of 0.
        var global = Learner();
        global.Update([new Transition("a", 0, [TinyPolicy.State], [0], 1, 0), new Transition("b", 0, [elsewhere], [0], -1, 0)], new Random(3));

        Assert.Equal(global.Network.Parameters, credited.Network.Parameters, (x, y) => Math.Abs(x - y) < 1e-15);
        Assert.NotEqual(TinyPolicy.Parameters(), credited.Network.Parameters);
    }

    [Fact]
    public void Update_ReplaysTheStoredGroupAdvantages()
    {
        var learner = Learner(replaySample: 1);
        learner.Update([Credited("a", 2, 5), Credited("b", 0, 5)], new Random(3));

        var stored = learner.Memory.Items;

        Assert.Equal([[1.0, 0.0], [-1.0, 0.0]], stored.Select(s => s.GroupAdvantages!).ToArray());
        Assert.Equal([1.0, -1.0], stored.Select(s => s.Advantage)); // the global rewards 7 and 5 around their mean 6
    }

    [Fact]
    public void Update_MismatchedGroupRewards_RefusedBeforeAnythingChanges()
    {
        var learner = Learner();
        var bad = new Transition("b", 0, [TinyPolicy.State, Other], [0, 1], 0, 0, [1.0, 2.0, 3.0]);

        var error = Assert.Throws<ArgumentException>(() => learner.Update([Credited("a", 1, 1), bad], new Random(1)));

        Assert.Contains("3 group rewards for 2 groups", error.Message);
        Assert.Equal(TinyPolicy.Parameters(), learner.Network.Parameters);
        Assert.Equal(0, learner.Version);
    }

    // Two groups: TinyPolicy.State takes action 0 (−β), Other action 2 (+β); the global reward is the groups' sum.
    private static Transition Credited(string child, double first, double second) =>
        new(child, 0, [TinyPolicy.State, Other], [0, 2], first + second, 0, [first, second]);

    private static PolicyLearner Learner(int replaySample = 0)
    {
        var options = new ExperimentOptions { PolicyHidden = TinyPolicy.Hidden, PolicyLearningRate = 0.01, ReplaySample = replaySample };
        var learner = new PolicyLearner(options, TinyPolicy.Inputs, seed: 1);
        TinyPolicy.Parameters().CopyTo(learner.Network.Parameters, 0);
        return learner;
    }
}
