using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AdaptiveLoss.Core.Diagnostics;

/// <summary>
/// The process-wide activity sources, meter and instruments (style §7.11). Static like the BCL intends them: a source or
/// instrument costs nothing until a listener (an OpenTelemetry provider, a test's listener) subscribes by name.
/// Metric tags come in a fixed order, at most four and low-cardinality: experiment id, child id, then one more.
/// </summary>
public static class AdaptiveLossTelemetry
{
    private static readonly string? Version = typeof(AdaptiveLossTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The CLI's source (<see cref="TelemetryNames.ClientSource"/>).</summary>
    public static ActivitySource Client { get; } = new(TelemetryNames.ClientSource, Version);

    /// <summary>The coordinator's source (<see cref="TelemetryNames.CoordinatorSource"/>).</summary>
    public static ActivitySource Coordinator { get; } = new(TelemetryNames.CoordinatorSource, Version);

    /// <summary>The training threads' source (<see cref="TelemetryNames.TrainingSource"/>).</summary>
    public static ActivitySource Training { get; } = new(TelemetryNames.TrainingSource, Version);

    /// <summary>The meter (<see cref="TelemetryNames.Meter"/>).</summary>
    public static Meter Meter { get; } = new(TelemetryNames.Meter, Version);

    /// <summary>r_t of each non-discarded window; unit: percentage points (reward diff) or ±1 (sign). Tags: experiment, child.</summary>
    public static Histogram<double> EpisodeReward { get; } = Meter.CreateHistogram<double>(TelemetryNames.Instruments.EpisodeReward, "1",
        "Reward of each non-discarded controller window", advice: Buckets(-5, -2, -1, -0.5, -0.2, -0.1, 0, 0.1, 0.2, 0.5, 1, 2, 5));

    /// <summary>Wall time of each window in seconds (decision, training, evaluations). Tags: experiment, child.</summary>
    public static Histogram<double> EpisodeDuration { get; } = Meter.CreateHistogram<double>(TelemetryNames.Instruments.EpisodeDuration, "s",
        "Wall time of one controller window", advice: Buckets(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250));

    /// <summary>Windows discarded by a guard (docs/design.md §1.7). Tags: experiment, child.</summary>
    public static Counter<long> EpisodesDiscarded { get; } = Meter.CreateCounter<long>(TelemetryNames.Instruments.EpisodesDiscarded,
        "{episode}", "Controller windows rolled back by a guard");

    /// <summary>Each child's validation metric at its latest window end (a fraction). Tags: experiment, child, metric name.</summary>
    public static Gauge<double> ValidationMetric { get; } = Meter.CreateGauge<double>(TelemetryNames.Instruments.ValidationMetric,
        "1", "Validation metric of a child at its latest window end");

    /// <summary>Training images per second of each window, evaluation excluded. Tags: experiment, child.</summary>
    public static Histogram<double> TrainThroughput { get; } = Meter.CreateHistogram<double>(TelemetryNames.Instruments.TrainThroughput, "{image}/s",
        "Training throughput of one controller window", advice: Buckets(100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000));

    /// <summary>Mean training loss of each window. Tags: experiment, child.</summary>
    public static Histogram<double> TrainLoss { get; } = Meter.CreateHistogram<double>(TelemetryNames.Instruments.TrainLoss, "1",
        "Mean training loss of one controller window", advice: Buckets(0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3));

    /// <summary>REINFORCE updates of a shared policy. Tag: policy id.</summary>
    public static Counter<long> PolicyUpdates { get; } = Meter.CreateCounter<long>(TelemetryNames.Instruments.PolicyUpdates,
        "{update}", "REINFORCE updates of the shared policy");

    /// <summary>The experiment id of a child key "{experimentId}/{index}" (the whole key when it has no '/').</summary>
    public static string ExperimentIdOf(string childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        var slash = childId.LastIndexOf('/');
        return slash < 0 ? childId : childId[..slash];
    }

    /// <summary>The tags of every per-child instrument, in their fixed order.</summary>
    public static TagList ChildTags(string childId) => new()
    {
        { TelemetryNames.Attributes.ExperimentId, ExperimentIdOf(childId) },
        { TelemetryNames.Attributes.ChildId, childId },
    };

    /// <summary>
    /// A failed operation (style §7.11): the exception as an event and an Error status whose description is the
    /// message's first line. The caller rethrows.
    /// </summary>
    public static void RecordError(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (activity is null)
        {
            return;
        }

        activity.AddException(exception);
        activity.SetStatus(ActivityStatusCode.Error, exception.Message.Split('\n', 2)[0].TrimEnd('\r'));
    }

    // Seconds, points and images/s are far from the SDK's default buckets (0–10,000, made for milliseconds).
    private static InstrumentAdvice<double> Buckets(params double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };
}
