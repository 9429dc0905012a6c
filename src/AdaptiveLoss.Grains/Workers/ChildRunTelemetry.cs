using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using A = AdaptiveLoss.Core.Diagnostics.TelemetryNames.Attributes;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>The <c>train child</c> span of a child's training thread: the parent of its <c>train window</c> spans.</summary>
internal static class ChildRunTelemetry
{
    /// <summary>
    /// Starts the span under the context of the grain call that started the child (<see cref="ChildRunEntry.Parent"/>)
    /// and makes it current on this thread, so the trainer's window spans and grain calls nest under it.
    /// </summary>
    public static Activity? Start(ChildRunEntry entry)
    {
        var activity = AdaptiveLossTelemetry.Training.StartActivity(TelemetryNames.Spans.TrainChild, ActivityKind.Internal, entry.Parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(A.ExperimentId, entry.Job.ExperimentId);
            activity.SetTag(A.ChildId, entry.ChildId);
            activity.SetTag(A.PolicyId, entry.Job.PolicyId);
            activity.SetTag(A.Seed, entry.Job.Seed);
        }

        return activity;
    }

    /// <summary>Tags the end state (and the outcome's validation metric); a failure already set the Error status.</summary>
    public static void End(Activity? activity, ChildState state, ChildOutcome? outcome)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(A.State, state.ToString().ToLowerInvariant());
        if (outcome is not null)
        {
            activity.SetTag(A.MetricAfter, outcome.ValidationMetric);
            activity.SetTag(A.PhiNorm, outcome.Phi.NormFromIdentity);
        }
    }
}
