using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

/// <summary>For the coordinator's storage (docs/durability.md): a learner and a round book restored from their exported state continue bit for bit.</summary>
public sealed class LearnerStateTests
{
    private static readonly ExperimentOptions Options = new() { PolicyHidden = 4, ReplayCapacity = 3, ReplaySample = 2, PolicyLearningRate = 0.05 };

    [Fact]
    public void Restore_AfterThreeRounds_NextUpdatesAndDecisionsAreBitIdentical()
    {
        var original = new PolicyLearner(Options, 3, seed: 5);
        for (var round = 1; round <= 3; round++)
        {
            original.Update(Round(round), RandomStreams.ForRound(7, round));
        }

        var restored = new PolicyLearner(Options, 3, seed: 99); // another initialisation: Restore must replace all of it
        restored.Restore(original.Export());

        for (var round = 4; round <= 6; round++)
        {
            var a = original.Update(Round(round), RandomStreams.ForRound(7, round));
            var b = restored.Update(Round(round), RandomStreams.ForRound(7, round));
            Assert.Equal(a, b);
        }

        Assert.Equal(original.Network.Parameters, restored.Network.Parameters);
        Assert.Equal(original.Optimizer.FirstMoment, restored.Optimizer.FirstMoment);
        Assert.Equal(original.Optimizer.Step, restored.Optimizer.Step);
        Assert.Equal(original.BaselineAverage, restored.BaselineAverage);
        Assert.Equal(original.Memory.Items.Select(i => i.Advantage), restored.Memory.Items.Select(i => i.Advantage));
        var states = new[] { new[] { 0.3f, -1f, 2f }, new[] { 1f, 1f, 0f } };
        Assert.Equal(original.Decide(states, RandomStreams.ForDecision(7, "c/0", 4)).Actions,
            restored.Decide(states, RandomStreams.ForDecision(7, "c/0", 4)).Actions);
    }

    [Fact]
    public void Export_IsACopy_LaterUpdatesDoNotChangeIt()
    {
        var learner = new PolicyLearner(Options, 3, seed: 5);
        learner.Update(Round(1), new Random(1));
        var state = learner.Export();
        var parameters = state.Parameters.ToArray();

        learner.Update(Round(2), new Random(1));

        Assert.Equal(parameters, state.Parameters);
        Assert.Equal(1, state.Version);
        Assert.Equal(2, state.Transitions);
        Assert.Equal(2, state.Memory.Length);
    }

    [Fact]
    public void Restore_WrongParameterCount_ThrowsAndChangesNothing()
    {
        var learner = new PolicyLearner(Options, 3, seed: 5);
        var before = learner.Network.Parameters.ToArray();
        var other = new PolicyLearner(Options, 4, seed: 5).Export();

        var error = Assert.Throws<ArgumentException>(() => learner.Restore(other));

        Assert.Contains("parameters", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, learner.Network.Parameters);
        Assert.Equal(0, learner.Version);
    }

    [Fact]
    public void RoundBook_RestoredMidRound_ClosesTheSameRoundsAndRefusesSeenWindows()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var book = new RoundBook();
        foreach (var child in new[] { "b", "a", "c" })
        {
            book.Join(child);
        }

        book.Add(Step("b", 0, 1.0), t0);
        book.Add(Step("a", 0, 2.0), t0);
        book.AddSkip("c", 0, t0);
        Assert.Equal(2, book.TakeRound().Count);
        book.Add(Step("a", 1, 3.0), t0.AddSeconds(5));
        book.Leave("c");

        var restored = new RoundBook(book.Export());

        Assert.Equal(book.LiveChildren.Order(), restored.LiveChildren.Order());
        Assert.Equal((1, 1, 1), (restored.Rounds, restored.PendingCount, restored.PendingEntries));
        Assert.False(restored.Add(Step("b", 0, 9.0), t0)); // taken in round 1 before the restart
        Assert.False(restored.AddSkip("c", 0, t0));
        Assert.False(restored.IsOverdue(t0.AddSeconds(64), TimeSpan.FromSeconds(60)));
        Assert.True(restored.IsOverdue(t0.AddSeconds(65), TimeSpan.FromSeconds(60)));
        Assert.True(restored.Add(Step("b", 1, 4.0), t0));
        Assert.Equal(["b", "a"], restored.TakeRound().Select(t => t.ChildId)); // first-seen order kept
    }

    [Fact]
    public void RandomStreams_SameKeySameDraws_OtherKeysDiffer()
    {
        Assert.Equal(Draws(RandomStreams.ForDecision(1, "e/0", 3)), Draws(RandomStreams.ForDecision(1, "e/0", 3)));
        Assert.NotEqual(Draws(RandomStreams.ForDecision(1, "e/0", 3)), Draws(RandomStreams.ForDecision(1, "e/0", 4)));
        Assert.NotEqual(Draws(RandomStreams.ForDecision(1, "e/0", 3)), Draws(RandomStreams.ForDecision(1, "e/1", 3)));
        Assert.NotEqual(Draws(RandomStreams.ForDecision(1, "e/0", 3)), Draws(RandomStreams.ForDecision(2, "e/0", 3)));
        Assert.Equal(Draws(RandomStreams.ForRound(1, 9)), Draws(RandomStreams.ForRound(1, 9)));
        Assert.NotEqual(Draws(RandomStreams.ForRound(1, 9)), Draws(RandomStreams.ForRound(1, 10)));
    }

    [Fact]
    public void RandomStreams_DecisionDraws_AreUniform()
    {
        // 3 × 4,000 streams (one per child and window), first draw of each: a χ² test over 10 bins (9 d.o.f., p = 0.001: 27.9).
        var bins = new int[10];
        for (var child = 0; child < 3; child++)
        {
            for (var window = 0; window < 4000; window++)
            {
                bins[(int)(RandomStreams.ForDecision(42, $"exp/{child}", window).NextDouble() * 10)]++;
            }
        }

        var expected = 12000 / 10.0;
        Assert.True(bins.Sum(b => (b - expected) * (b - expected) / expected) < 27.9, string.Join(' ', bins));
    }

    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector).
    [Fact]
    public void Fnv1a_MatchesTheReferenceVector() => Assert.Equal(0xaf63dc4c8601ec8cUL, RandomStreams.Fnv1a("a"));

    private static double[] Draws(Random random) => [random.NextDouble(), random.NextDouble(), random.NextDouble()];

    private static Transition[] Round(int round) =>
    [
        new("a", round, [[0.1f * round, 1f, -1f], [1f, 0f, 0.5f]], [round % 3, 1], 1.0 + round, 0),
        new("b", round, [[-0.2f, 0.3f * round, 1f], [0f, 1f, 1f]], [2, (round + 1) % 3], 0.5 - round, 0),
    ];

    private static Transition Step(string child, int window, double reward) => new(child, window, [[1f, 0f, 0f]], [1], reward, 0);
}
