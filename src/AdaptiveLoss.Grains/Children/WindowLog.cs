namespace AdaptiveLoss.Grains.Children;

/// <summary>
/// A child's windows, one per window index (a window re-run after a resume replaces its first report), each stamped
/// with the revision that wrote it, so a watcher asks for the windows after the revision it has seen instead of all of
/// them at every poll (<see cref="StatusCursor"/>).
/// </summary>
internal sealed class WindowLog
{
    private readonly SortedList<int, (WindowSummary Window, long Revision)> _windows = new();

    /// <summary>Window reports taken in so far (stored with the child, so it survives activations).</summary>
    public long Revision { get; private set; }

    public int Count => _windows.Count;

    /// <summary>Every window, by index.</summary>
    public WindowSummary[] All => [.. _windows.Values.Select(v => v.Window)];

    /// <summary>
    /// Restores a stored log. The windows' own revisions are not stored: each gets the log's revision, so a watcher
    /// that has seen it gets none of them again and any other gets all of them (taking a window twice is harmless).
    /// </summary>
    public void Restore(IEnumerable<WindowSummary> windows, long revision)
    {
        _windows.Clear();
        foreach (var window in windows)
        {
            _windows[window.Window] = (window, 0);
        }

        // A record from before revisions were stored has 0: its window count is a revision no watcher has passed.
        Revision = Math.Max(revision, _windows.Count);
        foreach (var index in _windows.Keys.ToList())
        {
            _windows[index] = (_windows[index].Window, Revision);
        }
    }

    public void Record(WindowSummary window)
    {
        ArgumentNullException.ThrowIfNull(window);
        Revision++;
        _windows[window.Window] = (window, Revision);
    }

    /// <summary>The windows written after <paramref name="seen"/>, by index.</summary>
    public WindowSummary[] Since(long seen) => [.. _windows.Values.Where(v => v.Revision > seen).Select(v => v.Window)];

    public void Clear()
    {
        _windows.Clear();
        Revision = 0;
    }
}
