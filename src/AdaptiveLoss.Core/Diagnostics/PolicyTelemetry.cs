using System.Diagnostics;
using AdaptiveLoss.Core.Policy;
using A = AdaptiveLoss.Core.Diagnostics.TelemetryNames.Attributes;

namespace AdaptiveLoss.Core.Diagnostics;

/// <summary>The shared policy's telemetry: <c>decide actions</c>, <c>update policy</c> / <c>observe round</c> and the updates counter.</summary>
public static class PolicyTelemetry
{
    /// <summary>
    /// Starts <c>decide actions</c> for a child's window: under <paramref name="traceParent"/> (the child's window, W3C
    /// format) when given, else under <see cref="Activity.Current"/> (the grain call).
    /// </summary>
    public static Activity? StartDecision(string policyId, string childId, int window, int groups, string? traceParent = null)
    {
        var activity = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? AdaptiveLossTelemetry.Coordinator.StartActivity(TelemetryNames.Spans.DecideActions, ActivityKind.Internal, parent)
            : AdaptiveLossTelemetry.Coordinator.StartActivity(TelemetryNames.Spans.DecideActions);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(A.PolicyId, policyId);
            activity.SetTag(A.ChildId, childId);
            activity.SetTag(A.Episode, window);
            activity.SetTag(A.Groups, groups);
        }

        return activity;
    }

    /// <summary>Adds the decision's policy version and entropy to its span.</summary>
    public static void CompleteDecision(Activity? activity, PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(A.PolicyVersion, decision.PolicyVersion);
            activity.SetTag(A.PolicyEntropy, decision.Entropy);
        }
    }

    /// <summary>
    /// Starts the span of a closing round: <c>update policy</c> when the policy learns, <c>observe round</c> otherwise.
    /// Its parent is <see cref="Activity.Current"/> (the report or leave call that completed the round) or, for a round
    /// closed by the timeout timer (no current activity), <paramref name="fallbackParent"/>: the latest report's context,
    /// so that the round stays in the experiment's trace.
    /// </summary>
    public static Activity? StartRound(bool learning, string policyId, ActivityContext fallbackParent)
    {
        var name = learning ? TelemetryNames.Spans.UpdatePolicy : TelemetryNames.Spans.ObserveRound;
        var activity = Activity.Current is null
            ? AdaptiveLossTelemetry.Coordinator.StartActivity(name, ActivityKind.Internal, fallbackParent)
            : AdaptiveLossTelemetry.Coordinator.StartActivity(name);
        activity?.SetTag(A.PolicyId, policyId);
        return activity;
    }

    /// <summary>
    /// Tags a closed round's span (round, version after it, transitions, mean reward, and for an update the baseline,
    /// advantage mean/std, entropy, replayed transitions and gradient norm) and counts the update.
    /// </summary>
    public static void CompleteRound(Activity? activity, string policyId, int round, int transitions, double meanReward, long version,
        PolicyUpdate? update)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(A.Round, round);
            activity.SetTag(A.PolicyVersion, version);
            activity.SetTag(A.Transitions, transitions);
            activity.SetTag(A.MeanReward, meanReward);
            if (update is not null)
            {
                activity.SetTag(A.Replayed, update.ReplayedTransitions);
                activity.SetTag(A.Baseline, update.Baseline);
                activity.SetTag(A.AdvantageMean, update.MeanAdvantage);
                activity.SetTag(A.AdvantageStd, update.AdvantageStd);
                activity.SetTag(A.PolicyEntropy, update.Entropy);
                activity.SetTag(A.GradientNorm, update.GradientNorm);
            }
        }

        if (update is not null)
        {
            AdaptiveLossTelemetry.PolicyUpdates.Add(1, new KeyValuePair<string, object?>(A.PolicyId, policyId));
        }
    }
}
