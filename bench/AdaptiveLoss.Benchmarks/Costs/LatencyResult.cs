namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>Part (b): coordinator latency against a window's training time (target: decision ≤ 1 % of a window).</summary>
/// <param name="Decide">Client-side DecideAsync latency (45 × 24 state).</param>
/// <param name="Update">Latency of the ReportAsync that closes a round, which runs the REINFORCE update (with replay).</param>
/// <param name="Report">Latency of the other ReportAsync calls (booking only); null with one child per round.</param>
/// <param name="UpdateChildren">Children per round.</param>
/// <param name="PolicyUpdates">Updates the coordinator counted (checks that every timed round did update).</param>
/// <param name="ChildImagesPerSecond">One child's training img/s used for the window time (from part a, grains).</param>
/// <param name="ChildImagesPerSecondSource">Where it came from: "part a (grains, children's own)" or "flag".</param>
/// <param name="WindowSeconds">Window × batch size / ChildImagesPerSecond.</param>
/// <param name="DecidePercentOfWindow">Decide median / window time, in %.</param>
/// <param name="DecideP99PercentOfWindow">Decide p99 / window time, in %.</param>
/// <param name="UpdatePercentOfWindow">Update median / window time, in %.</param>
/// <param name="UpdateP99PercentOfWindow">Update p99 / window time, in %.</param>
/// <param name="TargetPercent">The target for <paramref name="DecidePercentOfWindow"/>.</param>
internal sealed record LatencyResult(
    LatencySummary Decide,
    LatencySummary Update,
    LatencySummary? Report,
    int UpdateChildren,
    long PolicyUpdates,
    double ChildImagesPerSecond,
    string ChildImagesPerSecondSource,
    double WindowSeconds,
    double DecidePercentOfWindow,
    double DecideP99PercentOfWindow,
    double UpdatePercentOfWindow,
    double UpdateP99PercentOfWindow,
    double TargetPercent)
{
    /// <summary>The target: one decision ≤ 1 % of a window's time.</summary>
    public const double TargetDecidePercent = 1.0;
}
