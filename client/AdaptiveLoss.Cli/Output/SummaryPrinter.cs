using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>The final report of <c>ala run</c>: a table per child, the best child, the policy, and where results.json is.</summary>
internal static class SummaryPrinter
{
    public static void Print(TextWriter output, ResultsDocument results, ExperimentStatus status, ExperimentOptions options, string resultsPath, double wallSeconds)
    {
        var metricName = CliNames.NameOf(options.Metric);
        // With --metric error the validation metric is the validation error: one column, not two equal ones.
        var metricColumn = options.Metric == MetricKind.Error ? null : "val-" + metricName;
        output.WriteLine();
        output.WriteLine($"{"child",-6}{"seed",6}  {(metricColumn is null ? "" : $"{metricColumn,10}  ")}{"val-error",10}  {"test-error",10}"
            + $"  {"windows",7}  {"discarded",9}  {"Φ min",7}  {"Φ max",7}  {"‖Φ−I‖",7}");
        foreach (var child in status.Children)
        {
            output.WriteLine(child.Outcome is { } o
                ? Row(o, metricColumn is not null)
                : $"{Format.ChildLabel(child.ChildId),-6}  {child.State.ToString().ToLowerInvariant()}: {child.Error}");
        }

        if (options.Task == TaskKind.Retrieval)
        {
            PrintRetrieval(output, status);
        }

        output.WriteLine();
        var completed = results.Children.Count;
        output.WriteLine($"best child (by validation {metricName}): {Format.ChildLabel(results.Best.ChildId)}, test error {Format.Percent(results.Best.TestError)}");
        output.WriteLine($"mean test error: {Format.Percent(results.MeanTestError)} over {completed} completed child{(completed == 1 ? "" : "ren")} of {status.Children.Count}");
        output.WriteLine($"policy {results.Policy.PolicyId}: version {results.Policy.Version}, {results.Policy.Updates} updates, {results.Policy.Transitions} transitions");
        output.WriteLine($"elapsed: {Format.Fixed(results.ElapsedSeconds, 1)} s training, {Format.Fixed(wallSeconds, 1)} s wall");
        output.WriteLine($"results: {resultsPath}");
    }

    // docs/retrieval.md: every retrieval metric on the unseen classes' test images; test-error above is 1 − Recall@1.
    private static void PrintRetrieval(TextWriter output, ExperimentStatus status)
    {
        output.WriteLine();
        output.WriteLine($"{"child",-6}{"test R@1",10}{"R@2",8}{"R@4",8}{"R@8",8}{"NMI",8}{"AUCPR",8}   (retrieval on the unseen classes)");
        foreach (var child in status.Children)
        {
            if (child.Outcome?.Test?.Retrieval is { } r)
            {
                output.WriteLine($"{Format.ChildLabel(child.ChildId),-6}{Format.Percent(r.Recall1),10}{Format.Percent(r.Recall2),8}{Format.Percent(r.Recall4),8}"
                    + $"{Format.Percent(r.Recall8),8}{Format.Percent(r.Nmi),8}{Format.Percent(r.Aucpr),8}");
            }
        }
    }

    private static string Row(ChildOutcome o, bool withMetric) =>
        $"{Format.ChildLabel(o.ChildId),-6}{o.Seed,6}  {(withMetric ? $"{Format.Percent(o.ValidationMetric),10}  " : "")}"
        + $"{Format.Percent(o.ValidationError),10}  {Format.Percent(o.TestError),10}"
        + $"  {o.Windows,7}  {o.DiscardedWindows,9}  {Format.Fixed(o.Phi.Min, 3),7}  {Format.Fixed(o.Phi.Max, 3),7}  {Format.Fixed(o.Phi.NormFromIdentity, 3),7}";
}
