namespace AdaptiveLoss.Grains.Workers;

/// <summary>Process settings of a silo's training worker.</summary>
public sealed class TrainingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Training";

    /// <summary>
    /// Children that train at once on this silo; the rest wait first-in first-out. Default 0 = no limit (one slot per
    /// child; torch threads are then shared, max(1, cores / running), docs/design.md §3).
    /// </summary>
    public int MaxConcurrentChildren { get; set; }

    /// <summary>
    /// The device this silo offers (<c>ala-silo --device</c>): null (default) = any, each child trains on its
    /// experiment's <c>--device</c> (cuda failing at the child's start when this machine has none); <c>cpu</c> or
    /// <c>cuda</c> = only children of experiments with that <c>--device</c> are placed here (a cuda silo checks CUDA
    /// when it starts). A child always trains on its experiment's device; the silo's setting decides where it may run.
    /// </summary>
    public string? Device { get; set; }

    /// <summary>How long silo shutdown waits for training threads to stop, in seconds. Default 10.</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Folder under which each child checkpoints at every window end, in <c>&lt;root&gt;/&lt;experimentId&gt;/&lt;index&gt;/</c>,
    /// and from which a child restarted with the same key resumes (docs/durability.md, "Checkpoints"). Default null = no checkpoints.
    /// </summary>
    public string? CheckpointRoot { get; set; }

    /// <summary>
    /// Seconds between an experiment's checks of its unfinished children (a child whose silo died is
    /// re-activated elsewhere by this check; docs/durability.md). Default 5.
    /// </summary>
    public double ChildWatchSeconds { get; set; } = 5;

    /// <summary>
    /// How long the training thread keeps retrying a failed grain call (a silo lost mid-call, storage briefly
    /// unreachable) before the child fails, in seconds. Default 60.
    /// </summary>
    public double GrainCallRetrySeconds { get; set; } = 60;
}
