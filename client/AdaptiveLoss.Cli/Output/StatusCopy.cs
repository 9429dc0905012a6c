using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// The watcher's own copy of an experiment's status, built from incremental answers
/// (<see cref="IExperimentGrain.GetStatusSinceAsync"/>): the grain sends the windows after <see cref="Cursor"/>, this copy
/// keeps every window it was sent, so the progress view, results.json and the history see the whole run while each
/// poll carries only its news.
/// </summary>
internal sealed class StatusCopy
{
    private readonly Dictionary<string, ChildWindows> _children = new(StringComparer.Ordinal);

    /// <summary>What this copy has seen: the cursor of the next poll.</summary>
    public StatusCursor Cursor { get; private set; } = StatusCursor.Start;

    /// <summary>
    /// Takes in one answer (a full status is an answer too) and returns the whole status so far: the answer's states,
    /// outcomes and errors, with every window seen, by index (a window sent again, re-run after a resume, replaces
    /// the earlier copy).
    /// </summary>
    public ExperimentStatus Add(ExperimentStatus answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var children = answer.Children.Select(child =>
        {
            if (!_children.TryGetValue(child.ChildId, out var windows))
            {
                _children[child.ChildId] = windows = new ChildWindows();
            }

            return child with { Windows = windows.Add(child.Windows) };
        }).ToList();
        Cursor = StatusCursor.After(answer);
        return answer with { Children = children };
    }

    private sealed class ChildWindows
    {
        private readonly SortedList<int, WindowSummary> _byIndex = new();
        private WindowSummary[] _all = [];

        // A new array only when something came: a quiet poll reuses the last one.
        public WindowSummary[] Add(IReadOnlyList<WindowSummary> windows)
        {
            if (windows.Count == 0)
            {
                return _all;
            }

            foreach (var window in windows)
            {
                _byIndex[window.Window] = window;
            }

            return _all = [.. _byIndex.Values];
        }
    }
}
