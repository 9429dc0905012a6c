using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>Analyses one task's run folders RUNS/mismatch/TASK/ARM: rows, best static baseline, ala − frozen, Φs and their distance.</summary>
internal static class MismatchTaskAnalysis
{
    /// <summary>The report of <paramref name="defined"/>'s task from <paramref name="runs"/> (arm → folder); warnings go to <paramref name="warnings"/>.</summary>
    public static MismatchTaskReport Analyse(
        MismatchPlan plan, MismatchRun defined, IReadOnlyDictionary<string, RunFolder> runs, IFigureRenderer figures, string figuresDirectory, List<string> warnings)
    {
        var task = defined.Task;
        var arms = plan.ArmsOf(task);
        var rows = MismatchRow.Of(task, arms);
        var metric = runs.Values.Select(r => r.Results?.Metric).FirstOrDefault(m => m is not null);
        var lowerIsBetter = metric is null || MetricViews.LowerIsBetter(metric);
        RunResults? Results(MismatchRow row) => runs[row.Source].Results;
        IReadOnlyDictionary<int, double> Values(MismatchRow row, string view) =>
            Results(row) is { } r ? MetricViews.BySeed(r, view, task.Headline) : new Dictionary<int, double>();

        var prefix = $"{MismatchPlan.Folder}/{task.Name}";
        warnings.AddRange(EffectAnalysis.Warnings(prefix, defined.SharedFlags, defined.Arms, runs));
        warnings.AddRange(MissingMetrics(prefix, task, runs));
        var best = BestStatic.Choose(rows, runs, task.Headline, metric, lowerIsBetter, prefix, warnings);
        var bestRow = rows.FirstOrDefault(r => r.Name == best.Arm);
        var bestValues = bestRow is null ? null : Values(bestRow, bestRow.View);
        var ce = rows.First(r => r.Name == MismatchArms.CrossEntropy);

        // The headline is paired with CE's end (for a derived row: what its view changes on CE's run); the best-validation
        // view with ce+early-stop, so that early stopping is never credited to the arm.
        MismatchView View(MismatchRow row, string view, string ceView)
        {
            var values = Values(row, view);
            var summary = Summary.Of(values.Values.ToArray());
            var key = $"{row.Source}@{view}";
            return new MismatchView(
                view, new SortedDictionary<int, double>(values.ToDictionary()), summary, ConfidenceInterval.Of(summary),
                key == $"{ce.Source}@{ceView}" || Results(ce) is null ? null : PairedDifference.Of(values, Values(ce, ceView)),
                bestValues is null || key == bestRow!.Key ? null : PairedDifference.Of(values, bestValues));
        }

        var reports = rows.Select(row => Results(row) is not { } results
            ? new MismatchArmReport(row.Name, row.Kind, row.Description, row.Source, false, Command(defined, runs, row), Source(runs, row), null, null, null, null)
            : new MismatchArmReport(
                row.Name, row.Kind, row.Description, row.Source, true, Command(defined, runs, row), Source(runs, row), ChildEpochs(results),
                MetricViews.MeanValidation(results, row.View), View(row, row.View, MetricViews.End),
                row.AtBestValidation is { } at ? View(row, at, MetricViews.BestValidation) : null)).ToArray();

        var alaRow = rows.First(r => r.Name == MismatchArms.Ala);
        PairedDifference? Versus(MismatchRow learning, MismatchRow control, string view) => Results(learning) is null || Results(control) is null
            ? null
            : PairedDifference.Of(Values(learning, view), Values(control, view));
        var controls = arms.Where(a => a.Control is not null && arms.Any(c => c.Name == a.Control))
            .Select(a => (Learning: rows.First(r => r.Name == a.Name), Control: rows.First(r => r.Name == a.Control)))
            .Select(p => new LearningControl(p.Learning.Name, p.Control.Name,
                Versus(p.Learning, p.Control, MetricViews.End), Versus(p.Learning, p.Control, MetricViews.BestValidation)))
            .ToArray();

        var sweep = best.Candidates.Where(c => arms.Any(a => a.Name == c.Arm && a.Phi is not null)).ToArray();
        var phiArm = BestStatic.Pick(sweep, lowerIsBetter) is { } pick ? arms.First(a => a.Name == pick.Arm) : null;
        var bestPhi = phiArm is null ? null : new PhiReport(phiArm.Name, null, sweep.First(c => c.Arm == phiArm.Name).ValidationMetric, phiArm.Phi!.Matrix(MismatchPlan.Classes));
        var alaPhi = AlaPhi(Results(alaRow), lowerIsBetter);
        var figureInput = new MismatchFigureInput(
            task.Name, task.Headline,
            reports.Where(r => r.Present).Select(r => new MismatchBar(r.Arm, r.Headline?.Test.Mean, r.Headline?.Interval?.HalfWidth, r.AtBestValidation?.Test.Mean, r.AtBestValidation?.Interval?.HalfWidth)).ToArray(),
            alaPhi, bestPhi);

        return new MismatchTaskReport(
            task.Name, task.Description, task.FlagText, task.Headline, reports, best,
            controls, sweep, bestPhi, alaPhi,
            figures.RenderMismatch(figureInput, figuresDirectory),
            PhiDistanceAnalysis.Analyse(arms, runs, bestPhi, prefix, warnings));
    }

    /// <summary>results.json's childEpochs, or children × epochs for files written before it.</summary>
    public static int ChildEpochs(RunResults results) => results.ChildEpochs ?? results.Children.Count * results.Epochs;

    // The final Φ of the child with the best final validation metric (ties: lower seed), as the effect figures choose.
    private static PhiReport? AlaPhi(RunResults? ala, bool lowerIsBetter)
    {
        var child = ala?.Children
            .Where(c => c.PhiMatrix is not null)
            .OrderBy(c => lowerIsBetter ? c.ValidationMetric : -c.ValidationMetric)
            .ThenBy(c => c.Seed)
            .FirstOrDefault();
        return child is null ? null : new PhiReport(MismatchArms.Ala, child.Id, child.ValidationMetric, child.PhiMatrix!);
    }

    private static IEnumerable<string> MissingMetrics(string prefix, MismatchTask task, IReadOnlyDictionary<string, RunFolder> runs) =>
        runs.Where(r => r.Value.Results is { } results && results.Children.Any(c => c.Test is null || c.BestValidation?.Test is null))
            .Select(r => $"{prefix}/{r.Key}: children without test or bestValidation metrics (a CLI before the mismatch fields); " +
                $"{task.Headline} is {(task.Headline == RunMetrics.ErrorName ? "read from testError where missing" : "missing for them")}");

    private static string Command(MismatchRun defined, IReadOnlyDictionary<string, RunFolder> runs, MismatchRow row)
    {
        var run = runs[row.Source];
        var arm = defined.Arms.FirstOrDefault(a => a.Name == row.Source);
        return run.Record?.Command ?? AlaCommand.Script.Format(
            ["run", .. defined.SharedFlags, .. arm?.Flags ?? [], "--experiment-id", $"{defined.Prefix}-{row.Source}", "--out", run.Directory]);
    }

    private static string Source(IReadOnlyDictionary<string, RunFolder> runs, MismatchRow row) =>
        runs[row.Source].Record is null ? "definition" : RunRecord.FileName;
}
