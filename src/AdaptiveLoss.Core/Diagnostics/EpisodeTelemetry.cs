using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using A = AdaptiveLoss.Core.Diagnostics.TelemetryNames.Attributes;

namespace AdaptiveLoss.Core.Diagnostics;

/// <summary>
/// The telemetry of one controller window (episode): its <c>train window</c> span and the per-window metrics, recorded
/// where the values are born (the child's training thread), once per window and never per batch (style §7.11).
/// </summary>
public static class EpisodeTelemetry
{
    /// <summary>
    /// Starts the <c>train window</c> span of <paramref name="window"/> under <see cref="Activity.Current"/> (the child's
    /// <c>train child</c> span on its training thread); null when nobody listens.
    /// </summary>
    public static Activity? Start(string childId, int window)
    {
        var activity = AdaptiveLossTelemetry.Training.StartActivity(TelemetryNames.Spans.TrainWindow);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(A.ExperimentId, AdaptiveLossTelemetry.ExperimentIdOf(childId));
            activity.SetTag(A.ChildId, childId);
            activity.SetTag(A.Episode, window);
        }

        return activity;
    }

    /// <summary>
    /// Records a finished window: the span's attributes (a discarded window gets an Error status with the guard's reason)
    /// and the metrics: duration and throughput always; reward, loss and the validation gauge when the window counted;
    /// the discarded counter otherwise. <paramref name="metricBefore"/> is M̄ of the previous window.
    /// </summary>
    public static void Complete(Activity? activity, WindowReport report, double metricBefore, MetricKind metric, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metricName = NameOf(metric);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(A.Epoch, report.Epoch);
            activity.SetTag(A.PolicyVersion, report.PolicyVersion);
            activity.SetTag(A.MetricName, metricName);
            activity.SetTag(A.MetricBefore, metricBefore);
            activity.SetTag(A.MetricAfter, report.WindowMetric);
            activity.SetTag(A.Reward, report.Reward);
            activity.SetTag(A.Discarded, report.Discarded);
            activity.SetTag(A.PhiNorm, report.Phi.NormFromIdentity);
            activity.SetTag(A.ImagesPerSecond, report.ImagesPerSecond);
            activity.SetTag(A.TrainLoss, report.TrainLoss);
            activity.SetTag(A.ValidationError, report.ValidationError);
        }

        if (report.Discarded)
        {
            activity?.SetTag(A.DiscardReason, report.DiscardReason);
            activity?.SetStatus(ActivityStatusCode.Error, report.DiscardReason);
        }

        RecordMetrics(report, metricName, elapsed);
    }

    /// <summary>The lower-case name of a metric as the CLI spells it (error, f1, aucpr).</summary>
    public static string NameOf(MetricKind metric) => metric.ToString().ToLowerInvariant();

    private static void RecordMetrics(WindowReport report, string metricName, TimeSpan elapsed)
    {
        var tags = AdaptiveLossTelemetry.ChildTags(report.ChildId);
        AdaptiveLossTelemetry.EpisodeDuration.Record(elapsed.TotalSeconds, tags);
        if (report.ImagesPerSecond > 0)
        {
            AdaptiveLossTelemetry.TrainThroughput.Record(report.ImagesPerSecond, tags);
        }

        if (report.Discarded)
        {
            AdaptiveLossTelemetry.EpisodesDiscarded.Add(1, tags);
            return;
        }

        // Only windows that reach the policy carry a reward (docs/design.md §1.7): the histogram's sum is results.json's.
        AdaptiveLossTelemetry.EpisodeReward.Record(report.Reward, tags);
        AdaptiveLossTelemetry.TrainLoss.Record(report.TrainLoss, tags);
        if (report.Metrics.Length > 0)
        {
            var gaugeTags = tags;
            gaugeTags.Add(A.MetricName, metricName);
            AdaptiveLossTelemetry.ValidationMetric.Record(report.Metrics[^1], gaugeTags);
        }
    }
}
