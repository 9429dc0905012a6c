using System.Collections.Concurrent;
using System.Diagnostics;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>End to end on the grains with real TorchSharp children (MLP) on tiny generated IDX data.</summary>
[Collection(TorchClusterCollection.Name)]
public sealed class TorchExperimentTests(TorchClusterFixture fixture)
{
    // 400 training images − 100 validation = 300 → ⌈300/32⌉ = 10 iterations per epoch; windows of 4 iterations.
    private static ExperimentOptions Tiny(int epochs) => new()
    {
        Task = TaskKind.Idx,
        DataDirectory = TinyIdxData.Folder,
        Model = ModelKind.Mlp,
        Children = 2,
        Epochs = epochs,
        BatchSize = 32,
        Window = 4,
        ValidationSize = 100,
    };

    [Fact]
    public async Task TwoChildren_TinyData_CompleteWithOneTransitionPerChildPerWindow()
    {
        var id = NewId();
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        const int windows = 5; // ⌈2 epochs × 10 iterations / 4⌉

        await experiment.StartAsync(Tiny(epochs: 2));
        var status = await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(60));
        var policy = await experiment.GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, status.State);
        Assert.All(status.Children, child =>
        {
            Assert.Equal(ChildState.Completed, child.State);
            Assert.Equal(windows, child.Windows.Count);
            Assert.InRange(child.Outcome!.TestError, 0.0, 1.0);
            Assert.Equal(windows, child.Outcome.Windows);
            // Each window's summary carries its Φ (docs/mismatch.md); the last one's is the child's final Φ.
            var classes = child.Outcome.Classes;
            Assert.All(child.Windows, w => Assert.Equal(classes * (classes - 1) / 2, w.PhiPairs!.Length));
            Assert.Equal(child.Outcome.FinalPhi.Select(v => (float)v),
                Core.Control.PhiPairs.ToMatrix(child.Windows[^1].PhiPairs!).SelectMany(row => row).Select(v => (float)v));
        });
        Assert.Equal(2 * windows, policy.Transitions);
        var expected = status.Children.SelectMany(c => Enumerable.Range(0, windows).Select(w => (c.ChildId, w))).Order();
        Assert.Equal(expected, policy.Rewards.Select(r => (r.ChildId, r.Window)).Order());
        Assert.Equal((windows, (long)windows, (long)windows), (policy.Rounds, policy.Version, policy.Updates));
        // A decision can only use updates of earlier rounds.
        Assert.All(policy.Rewards, r => Assert.True(r.PolicyVersion < r.Round, $"{r} used a version from its own round"));
    }

    [Fact]
    public async Task ExplodingChildren_EveryWindowRolledBackDiscardedAndReported_NoneReachesThePolicy()
    {
        // Exploding children (docs/durability.md, "What survives what"): Adam with lr 1e30 throws the weights to ~1e30 after one step, so the next batch's logits exceed
        // the guard (docs/design.md §1.7): each window is rolled back to its start, reported as discarded, and never learned from.
        var id = NewId();
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        const int windows = 5;

        await experiment.StartAsync(Tiny(epochs: 2) with { LearningRate = 1e30 });
        var status = await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(60));
        var policy = await experiment.GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, status.State);
        Assert.All(status.Children, child =>
        {
            Assert.Equal(windows, child.Windows.Count);
            Assert.All(child.Windows, w => Assert.Contains("logit", w.DiscardReason, StringComparison.Ordinal));
            Assert.Equal(windows, child.Outcome!.DiscardedWindows);
        });
        Assert.Equal((2 * windows, 0L, 0L, 0), (policy.DiscardedTransitions, policy.Transitions, policy.Version, policy.Rounds));
        Assert.Empty(policy.Rewards);
    }

    /// <summary>
    /// Cancelling mid-run ends every child as Cancelled. No wall-clock bound is asserted (it fails on a loaded machine);
    /// the wait's deadline only guards against a hang: children check their token at every batch.
    /// </summary>
    [Fact]
    public async Task CancelAsync_WhileTraining_CancelsEveryChild()
    {
        var experiment = await StartLongRunAsync();

        await experiment.CancelAsync();
        // The experiment ends only once every child has ended.
        var status = await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(60));

        Assert.Equal(ExperimentState.Cancelled, status.State);
        Assert.All(status.Children, child =>
        {
            Assert.Equal(ChildState.Cancelled, child.State);
            Assert.Null(child.Outcome);
        });
    }

    /// <summary>
    /// Status calls are answered while the children train off the scheduler (style §6), and training goes on meanwhile.
    /// How fast they answer is not asserted: a latency bound fails on a loaded machine.
    /// </summary>
    [Fact]
    public async Task GetStatusAsync_WhileChildrenTrain_AnswersWhileTrainingGoesOn()
    {
        var experiment = await StartLongRunAsync();
        var child = fixture.Grains.GetGrain<IChildTrainerGrain>((await experiment.GetStatusAsync()).Children[0].ChildId);
        var windowsSeen = new List<int>();

        // At least 10 samples, and until the child has trained another window: a window's durable writes (fsync) can
        // take a second on a loaded machine, so a fixed second of sampling may see none. Bounded by the deadline.
        var deadline = Stopwatch.StartNew();
        for (var sample = 0; sample < 10 || (windowsSeen[^1] == windowsSeen[0] && deadline.Elapsed < TimeSpan.FromSeconds(30)); sample++)
        {
            var status = await experiment.GetStatusAsync();
            var childStatus = await child.GetStatusAsync();
            Assert.Equal(ExperimentState.Running, status.State);
            windowsSeen.Add(childStatus.Windows.Count);
            await Task.Delay(100); // spacing between samples, not synchronisation
        }

        await experiment.CancelAsync();
        await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(10));
        Assert.True(windowsSeen[^1] > windowsSeen[0], $"children did not train during sampling: {string.Join(",", windowsSeen)}");
    }

    // A run far longer than the test (hundreds of windows), observed once both children have reported a window: a
    // child's "train window" span stops after its report has returned, so the listener's callback is that event.
    private async Task<IExperimentGrain> StartLongRunAsync()
    {
        var id = NewId();
        var reported = new ConcurrentDictionary<string, bool>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.TrainingSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.DisplayName == TelemetryNames.Spans.TrainWindow && Equals(a.GetTagItem(TelemetryNames.Attributes.ExperimentId), id)
                    && reported.TryAdd((string)a.GetTagItem(TelemetryNames.Attributes.ChildId)!, true) && reported.Count == 2)
                {
                    both.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(Tiny(epochs: 500));
        await both.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return experiment;
    }

    private static string NewId() => $"exp-{Guid.NewGuid():N}"[..16];
}
