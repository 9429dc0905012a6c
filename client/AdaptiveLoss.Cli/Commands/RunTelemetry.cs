using System.Diagnostics;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Diagnostics;
using A = AdaptiveLoss.Core.Diagnostics.TelemetryNames.Attributes;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>The CLI's <c>run experiment</c> span: the root of an experiment's trace.</summary>
internal static class RunTelemetry
{
    /// <summary>
    /// Starts the span once the host runs (its hosted services must not start under it: their background work would
    /// join the trace), back-dated to <paramref name="started"/> so that it covers connecting to the cluster too.
    /// </summary>
    public static Activity? Start(RunPlan plan, DateTimeOffset started)
    {
        var activity = AdaptiveLossTelemetry.Client.StartActivity(TelemetryNames.Spans.RunExperiment, ActivityKind.Internal,
            parentContext: default, startTime: started);
        if (activity is { IsAllDataRequested: true })
        {
            var o = plan.Options;
            activity.SetTag(A.ExperimentId, plan.ExperimentId);
            activity.SetTag(A.PolicyId, o.PolicyId ?? plan.ExperimentId);
            activity.SetTag(A.Children, o.Children);
            activity.SetTag(A.Loss, CliNames.NameOf(o.Loss));
            activity.SetTag(A.MetricName, CliNames.NameOf(o.Metric));
            activity.SetTag(A.Seed, o.Seed);
        }

        return activity;
    }

    /// <summary>Tags the outcome; any exit code but success is an Error status.</summary>
    public static void End(Activity? activity, int exitCode)
    {
        var state = exitCode switch
        {
            ExitCodes.Success => "completed",
            ExitCodes.Interrupted => "interrupted",
            _ => "failed",
        };
        activity?.SetTag(A.State, state);
        if (exitCode != ExitCodes.Success)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"ala run exited {exitCode} ({state})");
        }
    }

    /// <summary>An exception ends the run: recorded on the span (an interrupt only as the status).</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            End(activity, ExitCodes.Interrupted);
            return;
        }

        AdaptiveLossTelemetry.RecordError(activity, exception);
    }
}
