using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Grains.Tests.Workers;

/// <summary>The silo's decision batcher: a lone request goes at once; those that arrive meanwhile go together.</summary>
public sealed class DecisionBatcherTests
{
    [Fact]
    public async Task DecideAsync_RequestsArrivingWhileOneIsInFlight_GoTogetherAndEachGetsItsOwnDecision()
    {
        var coordinator = new GatedCoordinator();
        var batcher = new DecisionBatcher();

        var first = batcher.DecideAsync(coordinator, Request("c/0", 0));
        await coordinator.FirstCallStarted.Task;
        var rest = Enumerable.Range(1, 10).Select(i => batcher.DecideAsync(coordinator, Request($"c/{i}", i))).ToArray();
        coordinator.Release.SetResult();
        var decisions = await Task.WhenAll([first, .. rest]);

        Assert.Equal([1, 10], coordinator.Calls);
        Assert.Equal(Enumerable.Range(0, 11), decisions.Select(d => d.Actions[0]));
    }

    [Fact]
    public async Task DecideAsync_MoreThanABatchWaiting_SplitsIntoCallsOfAtMostMaxBatch()
    {
        var coordinator = new GatedCoordinator();
        var batcher = new DecisionBatcher();

        var first = batcher.DecideAsync(coordinator, Request("c/0", 0));
        await coordinator.FirstCallStarted.Task;
        var rest = Enumerable.Range(1, DecisionBatcher.MaxBatch + 3).Select(i => batcher.DecideAsync(coordinator, Request($"c/{i}", i))).ToArray();
        coordinator.Release.SetResult();
        var decisions = await Task.WhenAll([first, .. rest]);

        Assert.Equal([1, DecisionBatcher.MaxBatch, 3], coordinator.Calls);
        Assert.Equal(Enumerable.Range(0, DecisionBatcher.MaxBatch + 4), decisions.Select(d => d.Actions[0]));
    }

    [Fact]
    public async Task DecideAsync_CallFails_ItsRequestsFailAndLaterOnesStillGo()
    {
        var coordinator = new GatedCoordinator { FailFirst = true };
        var batcher = new DecisionBatcher();
        coordinator.Release.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.DecideAsync(coordinator, Request("c/0", 0)));
        var later = await batcher.DecideAsync(coordinator, Request("c/1", 7));

        Assert.Equal(7, later.Actions[0]);
    }

    private static DecisionRequest Request(string childId, int window) => new(childId, window, [[0.1f]]);

    // Answers each request with its window as the one action, so a mix-up shows; the first call waits for Release.
    private sealed class GatedCoordinator : ICoordinatorGrain
    {
        public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> Calls { get; } = [];

        public bool FailFirst { get; init; }

        public async Task<PolicyDecision> DecideAsync(string childId, int window, float[][] states) =>
            (await DecideManyAsync([new DecisionRequest(childId, window, states)]))[0];

        public async Task<PolicyDecision[]> DecideManyAsync(IReadOnlyList<DecisionRequest> requests)
        {
            lock (Calls)
            {
                Calls.Add(requests.Count);
            }

            FirstCallStarted.TrySetResult();
            await Release.Task;
            if (FailFirst && Calls.Count == 1)
            {
                throw new InvalidOperationException("the first call fails");
            }

            return [.. requests.Select(r => new PolicyDecision([r.Window], 0, 0))];
        }

        public Task JoinAsync(PolicySettings settings, int featureCount, PolicyContributor contributor, IReadOnlyList<string> childIds) =>
            throw new NotSupportedException();

        public Task ReportAsync(WindowReport report) => throw new NotSupportedException();

        public Task LeaveAsync(string childId) => throw new NotSupportedException();

        public Task<PolicySummary> GetSummaryAsync() => throw new NotSupportedException();

        public Task ForgetAsync() => throw new NotSupportedException();
    }
}
