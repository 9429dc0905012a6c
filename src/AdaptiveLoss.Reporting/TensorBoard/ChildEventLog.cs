using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// One child's TensorBoard events, written where the child trains as each window ends (docs/cli.md, "TensorBoard"), so
/// they are there whether or not a client watches: <c>ROOT/&lt;experimentId&gt;/child-&lt;i&gt;/</c> (one TensorBoard
/// run per child), one event per window at step = the child's global iteration, flushed at once. A resumed run
/// continues the newest file of its folder and skips the windows already in it (a window re-run after a resume, or
/// every window of a run resumed without checkpoints); a fresh run starts a file of its own.
/// </summary>
public sealed class ChildEventLog : IDisposable
{
    private readonly TensorBoardEventFile _file;
    private readonly MetricKind _metric;
    private readonly long _writtenUpTo;

    private ChildEventLog(TensorBoardEventFile file, MetricKind metric, long writtenUpTo)
    {
        _file = file;
        _metric = metric;
        _writtenUpTo = writtenUpTo;
    }

    /// <summary>Full path of the event file.</summary>
    public string Path => _file.Path;

    /// <summary>Opens the event file of <paramref name="childId"/> under <paramref name="root"/>.</summary>
    /// <param name="root">The experiment's TensorBoard folder (<c>--tensorboard</c>, TensorBoard's <c>--logdir</c>).</param>
    /// <param name="childId">Child key "{experimentId}/{i}".</param>
    /// <param name="metric">The experiment's validation metric (adds <c>validation/&lt;metric&gt;</c> when not error).</param>
    /// <param name="resume">True for a run that continues an earlier one of the same child.</param>
    /// <param name="clock">Wall clock of file names and events; the system clock when null.</param>
    /// <exception cref="IOException">The folder or file cannot be written.</exception>
    /// <exception cref="ArgumentException">The child key cannot name a folder under the root.</exception>
    public static ChildEventLog Open(string root, string childId, MetricKind metric, bool resume, TimeProvider? clock = null)
    {
        var folder = Folder(root, childId);
        if (resume && Newest(folder) is { } path && EventFileTail.LastStep(path) is { } last)
        {
            return new ChildEventLog(TensorBoardEventFile.Continue(path, clock), metric, last);
        }

        return new ChildEventLog(TensorBoardEventFile.Create(folder, clock), metric, writtenUpTo: -1);
    }

    /// <summary>
    /// <c>ROOT/&lt;experimentId&gt;/child-&lt;i&gt;</c> for child key "{experimentId}/{i}"; the experiment id must be
    /// a plain folder name, so a key never points outside the root.
    /// </summary>
    public static string Folder(string root, string childId)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(childId);
        var slash = childId.LastIndexOf('/');
        var experimentId = slash > 0 ? childId[..slash] : string.Empty;
        if (experimentId is "" or "." or ".." || experimentId.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"child id '{childId}' cannot name a TensorBoard folder", nameof(childId));
        }

        return System.IO.Path.Combine(System.IO.Path.GetFullPath(root), experimentId, "child-" + childId[(slash + 1)..]);
    }

    /// <summary>Writes <paramref name="window"/> unless the run this one resumes wrote it; true when written.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public bool Write(WindowSummary window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Iteration <= _writtenUpTo)
        {
            return false;
        }

        _file.Write(window.Iteration, WindowScalars.For(window, _metric));
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    // The file a resumed run continues: the last one written in the child's folder.
    private static string? Newest(string folder) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "events.out.tfevents.*").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).LastOrDefault()
        : null;
}
