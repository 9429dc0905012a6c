namespace AdaptiveLoss.Grains;

/// <summary>
/// Where a watcher's copy of an experiment stands: per child (in index order) the <see cref="ChildStatus.Revision"/>
/// it has seen. <see cref="IExperimentGrain.GetStatusSinceAsync"/> answers with the windows reported after it, so a poll
/// costs the news, not the whole run (docs/design.md §3: a long-lived silo must not answer ever larger polls).
/// </summary>
/// <param name="Revisions">Seen revision per child index; a child past the end of the list has seen nothing.</param>
[GenerateSerializer, Immutable, Alias("adaptive-loss.status-cursor")]
public sealed record StatusCursor([property: Id(0)] IReadOnlyList<long> Revisions)
{
    /// <summary>Nothing seen yet: the first answer holds every window.</summary>
    public static StatusCursor Start { get; } = new([]);

    /// <summary>The revision seen of child <paramref name="index"/>; 0 when none.</summary>
    public long Seen(int index) => index < Revisions.Count ? Revisions[index] : 0;

    /// <summary>The cursor after <paramref name="status"/> has been taken in.</summary>
    public static StatusCursor After(ExperimentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new([.. status.Children.Select(c => c.Revision)]);
    }
}
