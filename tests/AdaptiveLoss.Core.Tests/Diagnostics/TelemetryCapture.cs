using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AdaptiveLoss.Core.Diagnostics;

namespace AdaptiveLoss.Core.Tests.Diagnostics;

/// <summary>One recorded measurement: instrument name, value and tags in the order they were given.</summary>
internal sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);

/// <summary>
/// BCL listeners on the project's sources and meter (no OpenTelemetry): every stopped activity and every measurement
/// while it lives. Listeners are process-wide, so tests that use it share one collection and filter by their own ids.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("AdaptiveLoss.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelemetryNames.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Measurements.Enqueue(new(i.Name, v, tags.ToArray())));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Measurements.Enqueue(new(i.Name, v, tags.ToArray())));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    /// <summary>The measurements of <paramref name="instrument"/> tagged with <paramref name="tagValue"/> (any key).</summary>
    public List<Measurement> Of(string instrument, string tagValue) =>
        Measurements.Where(m => m.Instrument == instrument && m.Tags.Any(t => Equals(t.Value, tagValue))).ToList();

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection
{
    /// <summary>Tests that listen to the process-wide sources and meter run one at a time.</summary>
    public const string Name = "telemetry";
}
