using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Grains.Children;
using AdaptiveLoss.Reporting.TensorBoard;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// The TensorBoard events of one child's run, written on its training thread as each window ends (docs/cli.md,
/// "TensorBoard"), when the experiment names a folder (<see cref="Core.Options.ChildSettings.TensorBoardDirectory"/>).
/// The events are a view of the run, not its result: a folder or file that cannot be written is logged once and the
/// run goes on without them.
/// </summary>
internal sealed class ChildEventWriter : IDisposable
{
    private readonly string _childId;
    private readonly ILogger _logger;
    private ChildEventLog? _log;

    private ChildEventWriter(ChildEventLog? log, string childId, ILogger logger)
    {
        _log = log;
        _childId = childId;
        _logger = logger;
    }

    /// <summary>The writer of <paramref name="entry"/>'s run; one that writes nothing when the experiment asked for no events.</summary>
    public static ChildEventWriter Open(ChildRunEntry entry, ILogger logger)
    {
        var options = entry.Job.Settings;
        if (options.TensorBoardDirectory is not { } root)
        {
            return new ChildEventWriter(null, entry.ChildId, logger);
        }

        try
        {
            return new ChildEventWriter(ChildEventLog.Open(root, entry.ChildId, options.Metric, entry.Resumed), entry.ChildId, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Log.TensorBoardNotWritten(logger, ex, entry.ChildId);
            return new ChildEventWriter(null, entry.ChildId, logger);
        }
    }

    /// <summary>Writes the event of <paramref name="report"/>'s window.</summary>
    public void Write(WindowReport report)
    {
        try
        {
            _log?.Write(WindowSummaries.From(report));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.TensorBoardNotWritten(_logger, ex, _childId);
            Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _log?.Dispose();
        _log = null;
    }
}
