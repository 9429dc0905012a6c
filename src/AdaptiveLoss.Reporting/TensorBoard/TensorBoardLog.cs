using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.TensorBoard;

/// <summary>
/// TensorBoard event files of one experiment, fed from polled <see cref="ExperimentStatus"/> snapshots: one file per
/// child in <c>ROOT/&lt;experimentId&gt;/child-&lt;i&gt;/</c> (one TensorBoard run per child), one event per window
/// at step = the child's global iteration, written and flushed as the window appears. Works the same for an embedded
/// silo and a cluster, since it only reads what the client polls.
/// </summary>
public sealed class TensorBoardLog : IDisposable
{
    private readonly string _experimentDirectory;
    private readonly MetricKind _metric;
    private readonly TimeProvider? _clock;
    private readonly Dictionary<string, (TensorBoardEventFile File, int Written)> _children = new(StringComparer.Ordinal);

    /// <summary>A log under <paramref name="root"/> (TensorBoard's <c>--logdir</c>); nothing is created before the first <see cref="Append"/>.</summary>
    /// <param name="root">The <c>--tensorboard</c> folder.</param>
    /// <param name="experimentId">Experiment key: its folder under the root.</param>
    /// <param name="metric">The experiment's validation metric (adds <c>validation/&lt;metric&gt;</c> when not error).</param>
    /// <param name="clock">Wall clock of file names and events; the system clock when null.</param>
    public TensorBoardLog(string root, string experimentId, MetricKind metric, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        _experimentDirectory = Path.Combine(Path.GetFullPath(root), experimentId);
        _metric = metric;
        _clock = clock;
    }

    /// <summary>The event file of each child seen so far, by child key.</summary>
    public IReadOnlyDictionary<string, string> Files => _children.ToDictionary(c => c.Key, c => c.Value.File.Path, StringComparer.Ordinal);

    /// <summary>The folder of one child: <c>child-&lt;i&gt;</c>, i from the child key "{experimentId}/{i}".</summary>
    public static string ChildFolder(string childId)
    {
        ArgumentException.ThrowIfNullOrEmpty(childId);
        return "child-" + childId[(childId.LastIndexOf('/') + 1)..];
    }

    /// <summary>Opens a file for every child not seen before and writes the windows that are new since the last call.</summary>
    /// <exception cref="IOException">A folder or file cannot be written.</exception>
    public void Append(ExperimentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var child in status.Children)
        {
            if (!_children.TryGetValue(child.ChildId, out var entry))
            {
                entry = (TensorBoardEventFile.Create(Path.Combine(_experimentDirectory, ChildFolder(child.ChildId)), _clock), 0);
            }

            foreach (var window in child.Windows.Skip(entry.Written))
            {
                entry.File.Write(window.Iteration, WindowScalars.For(window, _metric));
            }

            _children[child.ChildId] = (entry.File, Math.Max(entry.Written, child.Windows.Count));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (file, _) in _children.Values)
        {
            file.Dispose();
        }

        _children.Clear();
    }
}
