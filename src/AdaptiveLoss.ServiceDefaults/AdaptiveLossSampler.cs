using AdaptiveLoss.Core.Diagnostics;
using OpenTelemetry.Trace;

namespace AdaptiveLoss.ServiceDefaults;

/// <summary>
/// The root sampler of both hosts: a trace may only start with one of the project's own spans
/// (<see cref="TelemetryNames.Spans.All"/>); every other span follows its parent (<see cref="Create"/> wraps this in a
/// <see cref="ParentBasedSampler"/>). So Orleans' grain-call spans are kept inside an experiment's trace, while the
/// calls that belong to none (the CLI's status polling every 500 ms, membership and other runtime traffic) are not
/// recorded at all instead of filling the backend with thousands of one-span traces.
/// </summary>
public sealed class AdaptiveLossSampler : Sampler
{
    private static readonly HashSet<string> Roots = new(TelemetryNames.Spans.All, StringComparer.Ordinal);

    private AdaptiveLossSampler()
    {
        Description = "AdaptiveLossRoots";
    }

    /// <summary>Parent-based sampling with this sampler for roots.</summary>
    public static Sampler Create() => new ParentBasedSampler(new AdaptiveLossSampler());

    /// <inheritdoc/>
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(Roots.Contains(samplingParameters.Name) ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
}
