namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// The document a grain keeps in <see cref="AdaptiveLossStorage"/>: null until the grain has something worth keeping,
/// so an activation can tell "never started" from "started before a restart".
/// </summary>
/// <typeparam name="T">The grain's record.</typeparam>
public sealed class Stored<T>
    where T : class
{
    /// <summary>The record; null for a grain that was never started (or was cleared).</summary>
    public T? Value { get; set; }
}
