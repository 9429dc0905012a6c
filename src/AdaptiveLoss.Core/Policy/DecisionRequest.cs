namespace AdaptiveLoss.Core.Policy;

/// <summary>A child's request for the actions of its next window: s_t, one feature row per group (docs/design.md §1.4).</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Window">The window the actions are for (it keys the child's random stream, <see cref="RandomStreams.ForDecision"/>).</param>
/// <param name="States">The state, one row of features per group.</param>
/// <param name="TraceParent">The W3C trace context of the child's window, so that its decision's span joins the child's
/// trace when it is decided in a batch with other children's (docs/telemetry.md); null without tracing.</param>
public sealed record DecisionRequest(string ChildId, int Window, float[][] States, string? TraceParent = null);
