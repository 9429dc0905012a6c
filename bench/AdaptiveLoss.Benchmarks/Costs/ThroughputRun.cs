namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>One timed training of the same children, by the bare loop or through the grains (docs/evidence.md).</summary>
/// <param name="Mode">"bare" or "grains".</param>
/// <param name="Repeat">1-based repetition (modes alternate: bare, grains, bare, grains, …).</param>
/// <param name="TrainingImages">Images trained on by all children: children × epochs × training images.</param>
/// <param name="WallSeconds">From the start of the children to the end of the last one (its test evaluation included).</param>
/// <param name="ImagesPerSecond">TrainingImages / WallSeconds.</param>
/// <param name="ChildrenImagesPerSecond">Sum over children of the mean training img/s they reported per window (training steps only).</param>
/// <param name="ClientWallSeconds">Grains only: the client's own clock from StartAsync until it saw the experiment end (polling).</param>
/// <param name="PolicyUpdates">Policy updates applied during the run.</param>
/// <param name="SlowestChildSeconds">The longest child's own wall time (ChildOutcome.ElapsedSeconds: model set-up to test
/// evaluation); WallSeconds minus it is the time spent outside the children (start-up, hand-offs, end reports).</param>
/// <param name="CheckpointBytes">The largest window checkpoint of one child seen on disk during the run (grains runs).</param>
internal sealed record ThroughputRun(
    string Mode,
    int Repeat,
    long TrainingImages,
    double WallSeconds,
    double ImagesPerSecond,
    double ChildrenImagesPerSecond,
    double? ClientWallSeconds,
    long PolicyUpdates,
    double SlowestChildSeconds,
    long CheckpointBytes = 0)
{
    /// <summary>Wall time not inside any child's own run: the orchestration's fixed cost.</summary>
    public double OutsideChildrenSeconds => WallSeconds - SlowestChildSeconds;
}
