using System.Diagnostics;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Diagnostics;

[Collection(TelemetryCollection.Name)]
public sealed class PolicyTelemetryTests
{
    [Fact]
    public void Decision_SpanCarriesChildWindowGroupsVersionAndEntropy()
    {
        using var capture = new TelemetryCapture();
        var policyId = $"pol-{Guid.NewGuid():N}";

        using (var activity = PolicyTelemetry.StartDecision(policyId, "e/0", 4, 45))
        {
            PolicyTelemetry.CompleteDecision(activity, new PolicyDecision([0, 1], 3, 1.05));
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.policy.id"), policyId));
        Assert.Equal(("decide actions", "AdaptiveLoss.Coordinator"), (span.DisplayName, span.Source.Name));
        Assert.Equal(("e/0", 4, 45, 3L, 1.05), (span.GetTagItem("adaptive_loss.child.id"), span.GetTagItem("adaptive_loss.episode"),
            span.GetTagItem("adaptive_loss.decision.groups"), span.GetTagItem("adaptive_loss.policy.version"), span.GetTagItem("adaptive_loss.policy.entropy")));
    }

    [Fact]
    public void Decision_InABatchWithTheChildsTraceParent_SpanJoinsTheChildsTraceNotTheCurrentOne()
    {
        using var capture = new TelemetryCapture();
        var policyId = $"pol-{Guid.NewGuid():N}";
        var child = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var traceParent = $"00-{child.TraceId}-{child.SpanId}-01";

        using (var call = new Activity("the batch's grain call").Start())
        using (PolicyTelemetry.StartDecision(policyId, "e/1", 2, 45, traceParent))
        {
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.policy.id"), policyId));
        Assert.Equal((child.TraceId, child.SpanId), (span.TraceId, span.ParentSpanId));
    }

    [Fact]
    public void Round_Learning_UpdatePolicySpanWithStatisticsAndOneCount()
    {
        using var capture = new TelemetryCapture();
        var policyId = $"pol-{Guid.NewGuid():N}";
        var update = new PolicyUpdate(Version: 5, FreshTransitions: 2, ReplayedTransitions: 8, MeanReward: 1.5, Baseline: 1.5,
            MeanAdvantage: 0, GradientNorm: 0.25, AdvantageStd: 0.5, Entropy: 1.08);

        using (var activity = PolicyTelemetry.StartRound(learning: true, policyId, default))
        {
            PolicyTelemetry.CompleteRound(activity, policyId, round: 5, transitions: 2, meanReward: 1.5, version: 5, update);
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.policy.id"), policyId));
        Assert.Equal("update policy", span.DisplayName);
        var expected = new Dictionary<string, object?>
        {
            ["adaptive_loss.policy.id"] = policyId, ["adaptive_loss.round"] = 5, ["adaptive_loss.policy.version"] = 5L,
            ["adaptive_loss.round.transitions"] = 2, ["adaptive_loss.round.mean_reward"] = 1.5, ["adaptive_loss.round.replayed"] = 8,
            ["adaptive_loss.round.baseline"] = 1.5, ["adaptive_loss.advantage.mean"] = 0.0, ["adaptive_loss.advantage.std"] = 0.5,
            ["adaptive_loss.policy.entropy"] = 1.08, ["adaptive_loss.gradient.norm"] = 0.25,
        };
        Assert.Equal(expected.OrderBy(t => t.Key), span.TagObjects.OrderBy(t => t.Key));
        var count = Assert.Single(capture.Of(TelemetryNames.Instruments.PolicyUpdates, policyId));
        Assert.Equal(1.0, count.Value);
        Assert.Equal(["adaptive_loss.policy.id"], count.Tags.Select(t => t.Key));
    }

    [Fact]
    public void Round_Frozen_ObserveRoundSpanAndNoCount()
    {
        using var capture = new TelemetryCapture();
        var policyId = $"pol-{Guid.NewGuid():N}";

        using (var activity = PolicyTelemetry.StartRound(learning: false, policyId, default))
        {
            PolicyTelemetry.CompleteRound(activity, policyId, round: 1, transitions: 3, meanReward: -0.5, version: 0, update: null);
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.policy.id"), policyId));
        Assert.Equal("observe round", span.DisplayName);
        Assert.Null(span.GetTagItem("adaptive_loss.advantage.mean"));
        Assert.Empty(capture.Of(TelemetryNames.Instruments.PolicyUpdates, policyId));
    }

    [Fact]
    public void Round_NoCurrentActivity_ParentedOnTheFallback()
    {
        using var capture = new TelemetryCapture();
        var policyId = $"pol-{Guid.NewGuid():N}";
        var report = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        Activity.Current = null;

        using (PolicyTelemetry.StartRound(learning: true, policyId, report))
        {
        }

        using (var outer = AdaptiveLossTelemetry.Coordinator.StartActivity("outer"))
        using (PolicyTelemetry.StartRound(learning: true, policyId + "-inner", report))
        {
            var inner = Activity.Current!;
            Assert.Equal(outer!.SpanId, inner.ParentSpanId); // a current activity wins over the fallback
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.policy.id"), policyId));
        Assert.Equal(report.TraceId, span.TraceId);
        Assert.Equal(report.SpanId, span.ParentSpanId);
    }
}
