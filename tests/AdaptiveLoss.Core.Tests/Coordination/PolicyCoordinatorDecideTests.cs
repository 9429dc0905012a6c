using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Coordination;

/// <summary>Decisions in batches (docs/design.md §3): each exactly the decision the child would get alone.</summary>
public sealed class PolicyCoordinatorDecideTests
{
    private static readonly ExperimentOptions Options = new() { Children = 7, Seed = 5 };

    [Fact]
    public void Decide_ManyChildrenAtOnceAcrossRowBlocks_EachEqualsItsDecisionAlone()
    {
        // 7 states of 45 groups: 315 rows, more than one block of PolicyBatch.BlockRows.
        var coordinator = new PolicyCoordinator("p", PolicySettings.From(Options), Windows.Features);
        var random = new Random(3);
        var requests = Enumerable.Range(0, 7).Select(i => new DecisionRequest($"e/{i}", i % 3,
            [.. Enumerable.Range(0, 45).Select(_ => Enumerable.Range(0, Windows.Features).Select(_ => (float)random.NextDouble()).ToArray())])).ToArray();

        var together = coordinator.Decide(requests);
        var alone = requests.Select(r => coordinator.Decide(r.ChildId, r.Window, r.States)).ToArray();

        Assert.True(requests.Sum(r => r.States.Length) > PolicyBatch.BlockRows);
        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(alone[i].Actions, together[i].Actions);
            Assert.Equal(alone[i].Entropy, together[i].Entropy);
            Assert.Equal(alone[i].PolicyVersion, together[i].PolicyVersion);
        }
    }

    [Fact]
    public void Decide_OneRequestWithAShortRow_RefusedBeforeAnyIsDecided()
    {
        var coordinator = new PolicyCoordinator("p", PolicySettings.From(Options), Windows.Features);
        DecisionRequest[] requests =
        [
            new("e/0", 0, [new float[Windows.Features]]),
            new("e/1", 0, [new float[Windows.Features - 1]]),
        ];

        var error = Assert.Throws<ArgumentException>(() => coordinator.Decide(requests));

        Assert.Contains($"must have {Windows.Features} features (got {Windows.Features - 1})", error.Message);
    }
}
