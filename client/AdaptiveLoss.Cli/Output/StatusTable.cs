using System.Globalization;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// The table of <c>ala status</c>: one row per child with its state, progress and last window (validation, reward,
/// throughput, the policy version that chose its actions), its test error once completed and its error once failed;
/// then the shared policy's version, updates, transitions and rounds.
/// </summary>
internal static class StatusTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Prints the table; <paramref name="options"/> (null when the grain has none) gives E of "epoch e/E" and the metric.</summary>
    public static void Print(TextWriter output, ExperimentStatus status, PolicySummary policy, ExperimentOptions? options)
    {
        var columns = Columns(options);
        output.WriteLine($"experiment {status.ExperimentId}: {status.State.ToString().ToLowerInvariant()}, {Format.Fixed(status.ElapsedSeconds, 1)} s");
        output.WriteLine(string.Concat(columns.Select(c => c.Align(c.Header))).TrimEnd());
        foreach (var child in status.Children)
        {
            var last = child.Windows.Count > 0 ? child.Windows[^1] : null;
            output.WriteLine(string.Concat(columns.Select(c => c.Align(c.Cell(child, last)))).TrimEnd());
        }

        output.WriteLine($"policy {policy.PolicyId}: version {policy.Version}, {policy.Updates} updates, {policy.Transitions} transitions, "
            + $"{policy.Rounds} rounds, {policy.DiscardedTransitions} discarded");
    }

    private static List<Column> Columns(ExperimentOptions? options)
    {
        var epochs = options is null ? "?" : options.Epochs.ToString(Invariant);
        var columns = new List<Column>
        {
            new("child", -6, (c, _) => Format.ChildLabel(c.ChildId)),
            new("state", -11, (c, _) => ProgressBarLine.StateName(c)),
            new("epoch", -8, (_, w) => w is null ? "-" : $"{(w.Epoch + 1).ToString(Invariant)}/{epochs}"),
            new("window", 6, (_, w) => w is null ? "-" : (w.Window + 1).ToString(Invariant)),
            new("iter", 14, (_, w) => w is null ? "-" : $"{w.Iteration.ToString(Invariant)}/{w.TotalIterations.ToString(Invariant)}"),
            new("val-error", 11, (_, w) => w is null ? "-" : Format.Percent(w.ValidationError)),
        };
        if (options is { Metric: not MetricKind.Error and var metric })
        {
            columns.Add(new($"val-{CliNames.NameOf(metric)}", 11, (_, w) => w is null ? "-" : Format.Percent(w.WindowMetric)));
        }

        columns.AddRange(
        [
            new("reward", 9, (_, w) => w is null ? "-" : Format.Signed(w.Reward)),
            new("img/s", 9, (_, w) => w is null ? "-" : Format.Whole(w.ImagesPerSecond)),
            new("policy", 8, (_, w) => w is null ? "-" : $"v{w.PolicyVersion.ToString(Invariant)}"),
            new("test-error", 12, (c, _) => c.Outcome is null ? "-" : Format.Percent(c.Outcome.TestError)),
        ]);
        if (options?.Task == TaskKind.Retrieval)
        {
            // docs/retrieval.md: every retrieval metric of the unseen classes, whichever one is the reward.
            columns.AddRange(
            [
                new("test-R@1", 10, (c, _) => Retrieval(c, r => r.Recall1)),
                new("test-R@8", 10, (c, _) => Retrieval(c, r => r.Recall8)),
                new("test-NMI", 10, (c, _) => Retrieval(c, r => r.Nmi)),
                new("test-AUCPR", 12, (c, _) => Retrieval(c, r => r.Aucpr)),
            ]);
        }

        columns.AddRange(
        [
            new("", 0, (c, w) => "  " + (c.Error ?? (w?.DiscardReason is { } reason ? $"last window discarded: {reason}" : ""))),
        ]);
        return columns;
    }

    private static string Retrieval(ChildStatus child, Func<RetrievalMetricSet, double> metric) =>
        child.Outcome?.Test?.Retrieval is { } retrieval ? Format.Percent(metric(retrieval)) : "-";

    /// <summary>A column: header, width (negative = left-aligned) and the cell of a child and its last window.</summary>
    private sealed record Column(string Header, int Width, Func<ChildStatus, WindowSummary?, string> Cell)
    {
        public string Align(string text) => Width < 0 ? text.PadRight(-Width) : text.PadLeft(Width);
    }
}
