using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>A watcher's poll with a <see cref="StatusCursor"/> carries only the windows reported since its last one.</summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class IncrementalStatusTests(ScriptedClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task GetStatusSinceAsync_SecondPoll_OnlyTheNewWindowsWithTheChildsScalars()
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var release = new TaskCompletionSource();
        fixture.Runner.HoldAt(id, window: 2, release.Task);
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(new ExperimentOptions { Children = 2, Epochs = 4 });
        await Task.WhenAll(fixture.Runner.HeldAsync($"{id}/0"), fixture.Runner.HeldAsync($"{id}/1"));

        var first = await experiment.GetStatusSinceAsync(StatusCursor.Start);
        Assert.All(first.Children, c => Assert.Equal("0,1 r2 Running", Describe(c)));

        release.SetResult();
        var cursor = StatusCursor.After(first);
        var second = await Eventually.WaitAsync(() => experiment.GetStatusSinceAsync(cursor),
            s => s.State != ExperimentState.Running, Deadline, $"end of {id}");

        Assert.Equal(ExperimentState.Completed, second.State);
        Assert.All(second.Children, c => Assert.Equal("2,3 r4 Completed", Describe(c)));
        Assert.All(second.Children, c => Assert.NotNull(c.Outcome));
        var third = await experiment.GetStatusSinceAsync(StatusCursor.After(second));
        Assert.All(third.Children, c => Assert.Equal(" r4 Completed", Describe(c)));
        var full = await experiment.GetStatusAsync();
        Assert.All(full.Children, c => Assert.Equal([0, 1, 2, 3], Indices(c)));
    }

    [Fact]
    public async Task GetStatusSinceAsync_StartCursorAfterTheEnd_EveryWindowOnce()
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(new ExperimentOptions { Children = 2, Epochs = 3 });
        var ended = await Eventually.WaitAsync(experiment.GetStatusAsync, s => s.State != ExperimentState.Running, Deadline, $"end of {id}");

        var all = await experiment.GetStatusSinceAsync(StatusCursor.Start);

        Assert.Equal(ended.Children.Select(c => Indices(c)), all.Children.Select(c => Indices(c)));
        Assert.All(all.Children, c => Assert.Equal([0, 1, 2], Indices(c)));
    }

    [Theory]
    [InlineData(0L, "0,1,2")]
    [InlineData(2L, "0,1,2")]
    [InlineData(3L, "1,2")]
    [InlineData(4L, "2")]
    [InlineData(5L, "")]
    public void Since_EndedChild_TheLastRevisionMinusSeenWindows(long seen, string expected)
    {
        // Five reports for three windows: windows 1 and 2 were re-run after a resume.
        var ended = new ChildStatus("e/0", ChildState.Completed, [Window(0), Window(1), Window(2)], null, null, Revision: 5);

        Assert.Equal(expected, string.Join(',', Indices(Experiments.ExperimentProgress.Since(ended, seen))));
    }

    private static WindowSummary Window(int index) => new(index, 0, index + 1L, 3, 0.5, 0.5, 0, 0, 1, 100, 0, null, [0, 1, 0]);

    private static string Describe(ChildStatus child) => $"{string.Join(',', Indices(child))} r{child.Revision} {child.State}";

    private static int[] Indices(ChildStatus child) => [.. child.Windows.Select(w => w.Window)];
}
