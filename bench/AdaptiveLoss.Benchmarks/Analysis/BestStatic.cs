using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// Chooses a task's best static baseline among its candidate rows by mean validation metric only: choosing on test
/// would tune the baseline on the numbers it is then judged by.
/// </summary>
internal static class BestStatic
{
    /// <summary>
    /// The choice among the present <see cref="MismatchRow.Candidate"/> rows of <paramref name="rows"/>; a candidate
    /// whose run was validated on another metric than <paramref name="metric"/> is left out with a warning.
    /// </summary>
    public static BestStaticReport Choose(
        IReadOnlyList<MismatchRow> rows, IReadOnlyDictionary<string, RunFolder> runs, string headline, string? metric, bool lowerIsBetter,
        string prefix, List<string> warnings)
    {
        var candidates = new List<(MismatchRow Row, StaticCandidate Candidate)>();
        foreach (var row in rows.Where(r => r.Candidate))
        {
            if (runs[row.Source].Results is not { } results)
            {
                continue;
            }

            if (!string.Equals(results.Metric, metric, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"{prefix}/{row.Source}: validated on {results.Metric}, the task's other runs on {metric}; {row.Name} is not a candidate");
                continue;
            }

            if (MetricViews.MeanValidation(results, row.View) is not { } validation)
            {
                warnings.Add($"{prefix}/{row.Source}: no {row.View} validation metric; {row.Name} is not a candidate");
                continue;
            }

            var test = Summary.Of(MetricViews.BySeed(results, row.View, headline).Values.ToArray()).Mean;
            candidates.Add((row, new StaticCandidate(row.Name, validation, test, MismatchTaskAnalysis.ChildEpochs(results))));
        }

        var list = candidates.Select(c => c.Candidate).ToArray();
        // Derived rows read a run that is already counted: ce and ce+early-stop cost one run.
        var sweep = candidates.DistinctBy(c => c.Row.Source).Sum(c => c.Candidate.ChildEpochs);
        return new BestStaticReport(Pick(list, lowerIsBetter)?.Arm, metric, lowerIsBetter, list, sweep);
    }

    /// <summary>The candidate with the best validation metric; ties go to the earlier one. Null when there is none.</summary>
    public static StaticCandidate? Pick(IReadOnlyList<StaticCandidate> candidates, bool lowerIsBetter) =>
        lowerIsBetter ? candidates.MinBy(c => c.ValidationMetric) : candidates.MaxBy(c => c.ValidationMetric);
}
