using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;
using I = AdaptiveLoss.Core.Diagnostics.TelemetryNames.Instruments;

namespace AdaptiveLoss.Core.Tests.Diagnostics;

[Collection(TelemetryCollection.Name)]
public sealed class EpisodeTelemetryTests
{
    [Fact]
    public void Complete_CountedWindow_SpanTagsAndMetricsExactly()
    {
        using var capture = new TelemetryCapture();
        var childId = $"ep-{Guid.NewGuid():N}/1";
        var report = Report(childId, discarded: false);

        using (var activity = EpisodeTelemetry.Start(childId, 3))
        {
            EpisodeTelemetry.Complete(activity, report, metricBefore: 0.25, MetricKind.F1, TimeSpan.FromSeconds(2.5));
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.child.id"), childId));
        Assert.Equal("train window", span.DisplayName);
        Assert.Equal("AdaptiveLoss.Training", span.Source.Name);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var expected = new Dictionary<string, object?>
        {
            ["adaptive_loss.experiment.id"] = childId[..^2], ["adaptive_loss.child.id"] = childId, ["adaptive_loss.episode"] = 3,
            ["adaptive_loss.epoch"] = 1, ["adaptive_loss.policy.version"] = 7L, ["adaptive_loss.metric.name"] = "f1",
            ["adaptive_loss.metric.before"] = 0.25, ["adaptive_loss.metric.after"] = 0.2, ["adaptive_loss.reward"] = 5.0,
            ["adaptive_loss.discarded"] = false, ["adaptive_loss.phi.norm"] = 0.3, ["adaptive_loss.train.images_per_second"] = 4000.0,
            ["adaptive_loss.train.loss"] = 0.5, ["adaptive_loss.validation.error"] = 0.19,
        };
        Assert.Equal(expected.OrderBy(t => t.Key), span.TagObjects.OrderBy(t => t.Key));

        Assert.Equal([5.0], capture.Of(I.EpisodeReward, childId).Select(m => m.Value));
        Assert.Equal([2.5], capture.Of(I.EpisodeDuration, childId).Select(m => m.Value));
        Assert.Equal([4000.0], capture.Of(I.TrainThroughput, childId).Select(m => m.Value));
        Assert.Equal([0.5], capture.Of(I.TrainLoss, childId).Select(m => m.Value));
        Assert.Empty(capture.Of(I.EpisodesDiscarded, childId));
        var gauge = Assert.Single(capture.Of(I.ValidationMetric, childId));
        Assert.Equal(0.19, gauge.Value);   // the last measurement M_S, not the discounted mean
        Assert.Equal(["adaptive_loss.experiment.id", "adaptive_loss.child.id", "adaptive_loss.metric.name"], gauge.Tags.Select(t => t.Key));
        Assert.Equal("f1", gauge.Tags[2].Value);
        Assert.Equal(["adaptive_loss.experiment.id", "adaptive_loss.child.id"], capture.Of(I.EpisodeReward, childId)[0].Tags.Select(t => t.Key));
    }

    [Fact]
    public void Complete_DiscardedWindow_ErrorStatusNoRewardDiscardedCounted()
    {
        using var capture = new TelemetryCapture();
        var childId = $"ep-{Guid.NewGuid():N}/0";

        using (var activity = EpisodeTelemetry.Start(childId, 0))
        {
            EpisodeTelemetry.Complete(activity, Report(childId, discarded: true), 0.25, MetricKind.Error, TimeSpan.FromSeconds(1));
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.child.id"), childId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("non-finite training loss at iteration 9", span.StatusDescription);
        Assert.Equal(true, span.GetTagItem("adaptive_loss.discarded"));
        Assert.Equal("non-finite training loss at iteration 9", span.GetTagItem("adaptive_loss.discard.reason"));
        Assert.Equal([1.0], capture.Of(I.EpisodesDiscarded, childId).Select(m => m.Value));
        Assert.Equal([1.0], capture.Of(I.EpisodeDuration, childId).Select(m => m.Value));
        Assert.Empty(capture.Of(I.EpisodeReward, childId));
        Assert.Empty(capture.Of(I.ValidationMetric, childId));
        Assert.Empty(capture.Of(I.TrainLoss, childId));
    }

    [Fact]
    public void RecordError_Exception_EventAndErrorStatusWithTheFirstLine()
    {
        using var capture = new TelemetryCapture();
        var childId = $"ep-{Guid.NewGuid():N}/0";

        using (var activity = EpisodeTelemetry.Start(childId, 0))
        {
            AdaptiveLossTelemetry.RecordError(activity, new InvalidOperationException("libtorch said no\n  at frame 1"));
        }

        var span = Assert.Single(capture.Stopped, a => Equals(a.GetTagItem("adaptive_loss.child.id"), childId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("libtorch said no", span.StatusDescription);
        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal(typeof(InvalidOperationException).FullName, exception.Tags.Single(t => t.Key == "exception.type").Value);
    }

    [Fact]
    public void Start_NobodyListens_NullAndCompleteStillRecordsNothingHarmful()
    {
        // No capture: StartActivity returns null unless some other listener subscribed; Complete must accept null.
        EpisodeTelemetry.Complete(null, Report("solo/0", discarded: false), 0.25, MetricKind.Error, TimeSpan.Zero);
        AdaptiveLossTelemetry.RecordError(null, new InvalidOperationException("x"));
    }

    private static WindowReport Report(string childId, bool discarded) => new(
        childId, Window: 3, Epoch: 1, Iteration: 40, TotalIterations: 100, Metrics: [0.21, 0.19], WindowMetric: 0.2,
        Reward: discarded ? 0 : 5.0, PolicyVersion: 7, States: [[0f]], Actions: [1], Discarded: discarded,
        DiscardReason: discarded ? "non-finite training loss at iteration 9" : null, Phi: new PhiStats(-0.1, 0.2, 0.3),
        TrainLoss: discarded ? double.NaN : 0.5, ImagesPerSecond: 4000, ValidationError: 0.19);
}
