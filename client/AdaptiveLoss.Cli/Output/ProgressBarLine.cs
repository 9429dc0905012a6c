using System.Globalization;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// One child's bar line, e.g.
/// <c>child 0  training   [██████░░░░░░░░░░░░░░░░░░░░░░░░]  21%  epoch 1/3  window 3  val-error 12.34%  reward +0.52  4,812 img/s  ETA 1:23</c>.
/// Pure: the same status, ETA and width give the same text, and the text never exceeds the width (a longer line would
/// wrap and break the in-place redraw). Fields keep fixed widths so the children's columns line up.
/// </summary>
internal static class ProgressBarLine
{
    /// <summary>Cells of the bar when the width allows.</summary>
    public const int MaxBarWidth = 30;

    /// <summary>The bar never shrinks below this; fields are dropped instead.</summary>
    public const int MinBarWidth = 10;

    private const char Done = '█';
    private const char Left = '░';

    // Dropped in this order when the line is too wide (least useful first); label, state, bar and tail always stay.
    private static readonly string[] DropOrder = ["speed", "window", "reward", "epoch", "metric", "error"];

    /// <summary>The line of <paramref name="child"/>, at most <paramref name="width"/> characters.</summary>
    /// <param name="child">The child's polled status.</param>
    /// <param name="epochs">Epochs of the run (the E of "epoch e/E").</param>
    /// <param name="metric">Validation metric; other than error it is shown next to the validation error.</param>
    /// <param name="eta">Time left (running children); null while unknown.</param>
    /// <param name="width">Terminal columns available.</param>
    public static string Render(ChildStatus child, int epochs, MetricKind metric, TimeSpan? eta, int width)
    {
        ArgumentNullException.ThrowIfNull(child);
        var fields = Fields(child, epochs, metric, eta);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var bar = MaxBarWidth;
        var line = Join(fields, dropped, child, bar);
        bar = Math.Max(MinBarWidth, MaxBarWidth - Math.Max(0, line.Length - width));
        line = Join(fields, dropped, child, bar);
        foreach (var name in DropOrder)
        {
            if (line.Length <= width)
            {
                break;
            }

            dropped.Add(name);
            line = Join(fields, dropped, child, bar);
        }

        return line.Length <= width ? line : line[..Math.Max(0, width - 1)] + "…";
    }

    /// <summary>
    /// <paramref name="parts"/> times the share of the run done, rounded down: the last window's iteration over the
    /// run's iterations, clamped to [0, 1], and 1 once completed. Integer arithmetic, so 29 % never shows as 28 %.
    /// </summary>
    public static long Share(ChildStatus child, int parts)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.State == ChildState.Completed)
        {
            return parts;
        }

        var last = Last(child);
        return last is null || last.TotalIterations <= 0 ? 0 : Math.Clamp(last.Iteration, 0, last.TotalIterations) * parts / last.TotalIterations;
    }

    /// <summary>The state word: waiting, queued, starting (no window yet), training, testing, completed, FAILED, cancelled.</summary>
    public static string StateName(ChildStatus child) => child.State switch
    {
        ChildState.Idle => "waiting",
        ChildState.Queued => "queued",
        // Past its last iteration a running child is measuring its test error.
        ChildState.Running => child.Windows.Count == 0 ? "starting" : Share(child, 1) == 1 ? "testing" : "training",
        ChildState.Completed => "completed",
        ChildState.Failed => "FAILED",
        _ => "cancelled",
    };

    private static List<(string Name, string Text)> Fields(ChildStatus child, int epochs, MetricKind metric, TimeSpan? eta)
    {
        var last = Last(child);
        var fields = new List<(string, string)>
        {
            ("epoch", $"epoch {(last is null ? "-" : Int(last.Epoch + 1))}/{Int(epochs)}".PadRight(10)),
            ("window", $"window {(last is null ? "-" : Int(last.Window + 1))}".PadRight(9)),
            ("metric", $"val-error {(last is null ? "-" : Format.Percent(last.ValidationError))}".PadRight(16)),
        };
        if (metric != MetricKind.Error)
        {
            // The window's discounted metric M̄ (Eq. 4), which the reward is computed from.
            fields.Add(("metric", $"val-{CliNames.NameOf(metric)} {(last is null ? "-" : Format.Percent(last.WindowMetric))}".PadRight(16)));
        }

        fields.AddRange(
        [
            ("reward", $"reward {(last is null ? "-" : Format.Signed(last.Reward))}".PadRight(13)),
            ("speed", $"{(last is null ? "-" : Format.Whole(last.ImagesPerSecond))} img/s".PadLeft(11)),
        ]);
        if (last?.DiscardReason is { } reason && child.State is ChildState.Running)
        {
            fields.Add(("error", $"discarded: {reason}"));
        }

        fields.Add(("tail", Tail(child, eta)));
        return fields;
    }

    private static string Tail(ChildStatus child, TimeSpan? eta) => child.State switch
    {
        ChildState.Completed => child.Outcome is { } o ? $"test-error {Format.Percent(o.TestError)}" : "",
        ChildState.Failed => $"error: {child.Error}",
        ChildState.Cancelled => "",
        _ => $"ETA {EtaEstimator.Format(eta)}",
    };

    private static string Join(List<(string Name, string Text)> fields, HashSet<string> dropped, ChildStatus child, int barWidth)
    {
        var filled = (int)Share(child, barWidth);
        var head = $"{("child " + Format.ChildLabel(child.ChildId)).PadRight(8)}  {StateName(child),-9}  "
            + $"[{new string(Done, filled)}{new string(Left, barWidth - filled)}] {Int((int)Share(child, 100)),3}%";
        var kept = fields.Where(f => !dropped.Contains(f.Name)).Select(f => f.Text);
        return string.Join("  ", kept.Prepend(head)).TrimEnd();
    }

    private static WindowSummary? Last(ChildStatus child) => child.Windows.Count > 0 ? child.Windows[^1] : null;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
