using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>The trainer's <c>train window</c> spans: one per window, the reported values, errors on the span.</summary>
public sealed class WindowTelemetryTests : IDisposable
{
    private readonly TaskData _data = SyntheticTask.Create();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public WindowTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.TrainingSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _data.Dispose();
    }

    [Fact]
    public void Run_SixWindows_OneSpanEachWithTheReportedValues()
    {
        var childId = $"tel-{Guid.NewGuid():N}/0";
        var controller = new RecordingController();
        using var trainer = new ChildTrainer(new ChildSpec(childId, 0, 7, ChildTrainerTests.Options()), _data);

        trainer.Run(controller, CancellationToken.None);

        var spans = Spans(childId);
        Assert.Equal(6, spans.Count);
        Assert.Equal(controller.Reports.Select(r => (r.Window, r.Reward, r.PolicyVersion, r.WindowMetric)),
            spans.Select(s => ((int)s.GetTagItem(TelemetryNames.Attributes.Episode)!, (double)s.GetTagItem(TelemetryNames.Attributes.Reward)!,
                (long)s.GetTagItem(TelemetryNames.Attributes.PolicyVersion)!, (double)s.GetTagItem(TelemetryNames.Attributes.MetricAfter)!)));
        // M̄ before a window is the previous window's M̄.
        Assert.Equal(controller.Reports.Take(5).Select(r => r.WindowMetric), spans.Skip(1).Select(s => (double)s.GetTagItem(TelemetryNames.Attributes.MetricBefore)!));
        Assert.All(spans, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
    }

    [Fact]
    public void Run_NativeErrorEveryWindow_DiscardedWindowsAndTheFailingOneRecordTheException()
    {
        var childId = $"tel-{Guid.NewGuid():N}/0";
        using var trainer = new ChildTrainer(new ChildSpec(childId, 0, 7, ChildTrainerTests.Options()), _data);
        trainer.NativeFaultInjection = _ => true;

        Assert.Throws<ExternalException>(() => trainer.Run(new RecordingController(), CancellationToken.None));

        // Three windows rolled back (Error with the guard's reason), then the one whose error fails the child.
        var spans = Spans(childId);
        Assert.Equal(ChildTrainer.MaxConsecutiveNativeFaults + 1, spans.Count);
        Assert.All(spans, s => Assert.Equal(ActivityStatusCode.Error, s.Status));
        Assert.All(spans, s => Assert.Equal(typeof(ExternalException).FullName, Assert.Single(s.Events).Tags.Single(t => t.Key == "exception.type").Value));
        Assert.All(spans.SkipLast(1), s => Assert.StartsWith("libtorch error: injected libtorch error", s.StatusDescription));
        Assert.Equal("injected libtorch error", spans[^1].StatusDescription);
        Assert.Null(spans[^1].GetTagItem(TelemetryNames.Attributes.Discarded));
    }

    private List<Activity> Spans(string childId) =>
        [.. _stopped.Where(a => Equals(a.GetTagItem(TelemetryNames.Attributes.ChildId), childId)).OrderBy(a => a.StartTimeUtc)];
}
