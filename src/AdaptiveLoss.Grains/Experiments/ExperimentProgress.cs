using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Persistence;

namespace AdaptiveLoss.Grains.Experiments;

/// <summary>
/// The experiment's bookkeeping without Orleans: its children, which have ended, and the resulting state. A terminal
/// state is only reached once every child has ended, so a caller who sees it can read the final results.
/// </summary>
internal sealed class ExperimentProgress
{
    private readonly Dictionary<string, ChildStatus> _ended = [];
    private DateTimeOffset? _endedAt;

    public ExperimentProgress(string experimentId, ExperimentOptions options, DateTimeOffset startedAt)
    {
        Options = options;
        ChildSettings = options.ChildSettings();
        PolicyId = options.PolicyId ?? experimentId;
        StartedAt = startedAt;
        ChildIds = [.. Enumerable.Range(0, options.Children).Select(i => ChildKeys.ChildId(experimentId, i))];
    }

    /// <summary>The progress stored in <paramref name="record"/> (docs/durability.md).</summary>
    public static ExperimentProgress Restore(string experimentId, ExperimentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var progress = new ExperimentProgress(experimentId, record.Options, record.StartedAt)
        {
            State = record.State,
            CancelRequested = record.CancelRequested,
        };
        foreach (var ended in record.Ended)
        {
            // A record from before revisions were stored: its window count is a revision no watcher has passed.
            progress._ended[ended.ChildId] = ended.Revision == 0 ? ended with { Revision = ended.Windows.Count } : ended;
        }

        progress._endedAt = record.EndedAt;
        return progress;
    }

    /// <summary>This progress as the experiment grain stores it.</summary>
    public ExperimentRecord Export() => new(Options, StartedAt, State, CancelRequested,
        [.. ChildIds.Where(_ended.ContainsKey).Select(id => _ended[id])], _endedAt);

    public ExperimentOptions Options { get; }

    /// <summary>What each child's job carries of <see cref="Options"/>, projected once (docs/design.md §3, "Settings by owner").</summary>
    public ChildSettings ChildSettings { get; }

    public string PolicyId { get; }

    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<string> ChildIds { get; }

    public ExperimentState State { get; private set; } = ExperimentState.Running;

    public bool CancelRequested { get; private set; }

    /// <summary>The state features per group of the options' task (docs/design.md §3); the class count matters only to the children.</summary>
    public static int FeatureCount(ExperimentOptions options) => Core.Control.LossTasks.FeatureCount(options);

    public ChildStatus? Ended(string childId) => _ended.GetValueOrDefault(childId);

    /// <summary>
    /// An ended child's status for a watcher that has seen revision <paramref name="seen"/>: its last
    /// Revision − seen windows. The per-window revisions are not kept here, but the reports after <paramref name="seen"/>
    /// wrote at most that many windows, all at the end (a resumed run re-runs from its checkpoint to the last window),
    /// so these are all of them; an earlier one sent again is harmless (the watcher keeps one per index).
    /// </summary>
    public static ChildStatus Since(ChildStatus ended, long seen)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var news = (int)Math.Clamp(ended.Revision - seen, 0, ended.Windows.Count);
        return news == ended.Windows.Count ? ended : ended with { Windows = [.. ended.Windows.TakeLast(news)] };
    }

    public bool IsEnded(string childId) => _ended.ContainsKey(childId);

    public void Cancel() => CancelRequested = true;

    /// <summary>Records a child's end; true when it was the last one and the experiment just ended.</summary>
    public bool ChildEnded(ChildStatus status, DateTimeOffset now)
    {
        if (State != ExperimentState.Running || !ChildIds.Contains(status.ChildId))
        {
            return false;
        }

        _ended[status.ChildId] = status;
        if (_ended.Count < ChildIds.Count)
        {
            return false;
        }

        State = FinalState(_ended.Values.Select(s => s.State), CancelRequested);
        _endedAt = now;
        return true;
    }

    public double ElapsedSeconds(DateTimeOffset now) => ((_endedAt ?? now) - StartedAt).TotalSeconds;

    /// <summary>Cancelled after a cancel (or when no child completed and some were cancelled); else Completed when one completed; else Failed.</summary>
    public static ExperimentState FinalState(IEnumerable<ChildState> children, bool cancelRequested)
    {
        var states = children.ToList();
        if (cancelRequested)
        {
            return ExperimentState.Cancelled;
        }

        if (states.Contains(ChildState.Completed))
        {
            return ExperimentState.Completed;
        }

        return states.Contains(ChildState.Cancelled) ? ExperimentState.Cancelled : ExperimentState.Failed;
    }
}
