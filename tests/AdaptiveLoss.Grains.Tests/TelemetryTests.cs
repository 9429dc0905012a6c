using System.Collections.Concurrent;
using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// The grains' spans with scripted children (no libtorch), through BCL listeners: the training thread joins the trace
/// of the call that started it, a failed child's span records the error, and rounds closed by the timer stay in the
/// trace. (The test assembly runs one test at a time, so these process-wide listeners see only this test's spans.)
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("AdaptiveLoss.Grains.Tests");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    // Completed by the listener when the second "train child" span stops: the spans end on the training threads,
    // after the experiment may already report its end.
    private readonly TaskCompletionSource _bothChildSpans = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("AdaptiveLoss.", StringComparison.Ordinal) || s.Name == "Microsoft.Orleans.Application",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        _stopped.Enqueue(activity);
        if (activity.DisplayName == TelemetryNames.Spans.TrainChild
            && _stopped.Count(a => a.DisplayName == TelemetryNames.Spans.TrainChild && Equals(a.GetTagItem(TelemetryNames.Attributes.ExperimentId), activity.GetTagItem(TelemetryNames.Attributes.ExperimentId))) == 2)
        {
            _bothChildSpans.TrySetResult();
        }
    }

    [Theory]
    [InlineData(false, "update policy")]
    [InlineData(true, "observe round")]
    public async Task Experiment_StartedUnderASpan_ChildrenAndRoundsJoinItsTraceAndAFailureIsRecorded(bool freeze, string roundSpan)
    {
        var runner = new ScriptedChildRunner();
        await using var cluster = await ClusterFactory.DeployAsync(runner, tracing: true);
        var id = $"tel-{Guid.NewGuid():N}"[..16];
        runner.FailAt($"{id}/1", window: 1);
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test root")!)
        {
            trace = root.TraceId;
            await experiment.StartAsync(new ExperimentOptions { Children = 2, Epochs = 3, FreezePolicy = freeze });
        }

        await ExperimentEnds.WaitAsync(experiment, TimeSpan.FromSeconds(20));
        var policy = await experiment.GetPolicySummaryAsync();
        await _bothChildSpans.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var children = Children(id);
        Assert.All(children, c => Assert.Equal(trace, c.TraceId));
        var failed = children.Single(c => Equals(c.GetTagItem(TelemetryNames.Attributes.ChildId), $"{id}/1"));
        Assert.Equal((ActivityStatusCode.Error, "scripted fault in window 1"), (failed.Status, failed.StatusDescription));
        Assert.Equal("exception", Assert.Single(failed.Events).Name);
        Assert.Equal("failed", failed.GetTagItem(TelemetryNames.Attributes.State));
        var rounds = _stopped.Where(a => Equals(a.GetTagItem(TelemetryNames.Attributes.PolicyId), id) && a.Source.Name == TelemetryNames.CoordinatorSource
            && a.DisplayName != TelemetryNames.Spans.DecideActions).ToList();
        Assert.Equal(policy.Rounds, rounds.Count);
        Assert.All(rounds, r => Assert.Equal((roundSpan, trace), (r.DisplayName, r.TraceId)));
        Assert.Equal(freeze ? 0 : policy.Updates, rounds.Count(r => r.DisplayName == TelemetryNames.Spans.UpdatePolicy));
        Assert.Equal(4, _stopped.Count(a => a.DisplayName == TelemetryNames.Spans.DecideActions && a.TraceId == trace));
    }

    [Fact]
    public void PolicyCoordinator_RoundClosedByTheTimer_ParentedOnTheLatestReport()
    {
        var options = new ExperimentOptions { Children = 2 };
        var policy = new PolicyCoordinator("timer-policy", PolicySettings.From(options), featureCount: 24);
        policy.Join(PolicySettings.From(options), 24, PolicyContributor.From("t", options), ["t/0", "t/1"]);
        var now = DateTimeOffset.UnixEpoch;
        ActivityContext report;
        using (var call = TestSource.StartActivity("report call")!)
        {
            report = call.Context;
            policy.Report(Report("t/0"), now);
        }

        Activity.Current = null;
        var step = policy.Tick(now + policy.Settings.RoundTimeout);

        Assert.Single(step!.Closed);
        var span = Assert.Single(_stopped, a => Equals(a.GetTagItem(TelemetryNames.Attributes.PolicyId), "timer-policy"));
        Assert.Equal((TelemetryNames.Spans.UpdatePolicy, report.TraceId, report.SpanId), (span.DisplayName, span.TraceId, span.ParentSpanId));
        Assert.Equal(1, span.GetTagItem(TelemetryNames.Attributes.Transitions));
    }

    private List<Activity> Children(string experimentId) =>
        [.. _stopped.Where(a => a.DisplayName == TelemetryNames.Spans.TrainChild && Equals(a.GetTagItem(TelemetryNames.Attributes.ExperimentId), experimentId))];

    private static WindowReport Report(string childId) => new(childId, 0, 0, 1, 1, [0.5], 0.5, 1.0, 0,
        [Enumerable.Repeat(0.1f, 24).ToArray()], [1], false, null, new PhiStats(0, 0, 0), 1.0, 1000, 0.5);
}
