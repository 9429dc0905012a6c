using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// Prints one line per child per window as windows appear in the polled status (only new ones), and one line when a
/// child ends, e.g. <c>[child 0] epoch 1 window 3  iter 600/1290  val-error 12.34%  reward +0.52  policy v5  loss 0.412  4,812 img/s</c>.
/// </summary>
internal sealed class ProgressPrinter(TextWriter output, MetricKind metric) : IProgressView
{
    private readonly Dictionary<string, int> _printedWindows = [];
    private readonly HashSet<string> _ended = [];

    /// <summary>Prints what is new in <paramref name="status"/> since the last call.</summary>
    public void Update(ExperimentStatus status)
    {
        foreach (var child in status.Children)
        {
            var printed = _printedWindows.GetValueOrDefault(child.ChildId);
            foreach (var window in child.Windows.Skip(printed))
            {
                output.WriteLine(WindowLine(child.ChildId, window));
            }

            _printedWindows[child.ChildId] = Math.Max(printed, child.Windows.Count);
            if (child.State.HasEnded() && _ended.Add(child.ChildId))
            {
                output.WriteLine(EndLine(child));
            }
        }
    }

    /// <summary>The progress line of one window.</summary>
    public string WindowLine(string childId, WindowSummary w)
    {
        var metricPart = metric == MetricKind.Error ? string.Empty : $"  val-{CliNames.NameOf(metric)} {Format.Percent(w.WindowMetric)}";
        var discarded = w.DiscardReason is null ? string.Empty : $"  discarded: {w.DiscardReason}";
        return $"[child {Format.ChildLabel(childId)}] epoch {w.Epoch + 1} window {w.Window + 1}  iter {w.Iteration}/{w.TotalIterations}"
            + $"  val-error {Format.Percent(w.ValidationError)}{metricPart}  reward {Format.Signed(w.Reward)}  policy v{w.PolicyVersion}"
            + $"  loss {Format.Fixed(w.TrainLoss, 3)}  {Format.Whole(w.ImagesPerSecond)} img/s{discarded}";
    }

    private static string EndLine(ChildStatus child) => child.State switch
    {
        ChildState.Completed when child.Outcome is { } o =>
            $"[child {Format.ChildLabel(child.ChildId)}] completed: validation error {Format.Percent(o.ValidationError)}, test error {Format.Percent(o.TestError)}",
        ChildState.Failed => $"[child {Format.ChildLabel(child.ChildId)}] FAILED: {child.Error}",
        _ => $"[child {Format.ChildLabel(child.ChildId)}] {child.State.ToString().ToLowerInvariant()}",
    };
}
