using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Tests.Progress;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The watcher's copy of a run, built from incremental status answers.</summary>
public sealed class StatusCopyTests
{
    [Fact]
    public void Add_IncrementalAnswers_EveryWindowOnceByIndexAndTheCursorOfTheLastAnswer()
    {
        var copy = new StatusCopy();
        Assert.Equal(0, copy.Cursor.Seen(0));

        copy.Add(Answer(ChildState.Running, 2, Children.Window(0, 200), Children.Window(1, 400)));
        Assert.Equal(2, copy.Cursor.Seen(0));
        var quiet = copy.Add(Answer(ChildState.Running, 2));
        Assert.Equal([0, 1], quiet.Children[0].Windows.Select(w => w.Window));
        // Window 1 re-run after a resume comes again: it replaces the first copy.
        var whole = copy.Add(Answer(ChildState.Completed, 4, Children.Window(1, 401), Children.Window(2, 600)));

        Assert.Equal(ExperimentState.Completed, whole.State);
        Assert.Equal(ChildState.Completed, whole.Children[0].State);
        Assert.Equal([(0, 200L), (1, 401L), (2, 600L)], whole.Children[0].Windows.Select(w => (w.Window, w.Iteration)));
        Assert.Equal((4L, 0L), (copy.Cursor.Seen(0), copy.Cursor.Seen(1)));
    }

    private static ExperimentStatus Answer(ChildState state, long revision, params WindowSummary[] windows) =>
        new("exp", state == ChildState.Running ? ExperimentState.Running : ExperimentState.Completed,
            [new ChildStatus("exp/0", state, windows, null, null, revision)], 1);
}
