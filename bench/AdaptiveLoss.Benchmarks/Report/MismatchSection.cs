using System.Text;
using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>The mismatch tasks in docs/results.md: per task the rows, the best static baseline, ala − frozen, Φs and figures.</summary>
internal static class MismatchSection
{
    /// <summary>The markdown of <paramref name="report"/>; figures link to <paramref name="figuresLink"/>/FILE.</summary>
    public static string Render(MismatchReport report, string figuresLink)
    {
        var text = new StringBuilder();
        text.Append($"### Mismatch tasks, {report.Plan} plan: {report.Description}\n\n");
        if (!report.IsEvidence)
        {
            text.Append("> Pipeline check only (tiny data): these numbers say nothing about the method.\n\n");
        }

        text.Append("Tasks where the training loss and the evaluation metric disagree (long tails judged by balanced error, " +
            "noisy training labels judged on clean test labels), and the clean task as control. Each row: the task's headline " +
            "test metric (%, mean ± SD over the children) at the end of training and at each child's best-validation window " +
            "(early stopping on the clean validation split). Δ are per paired seed in percentage points with a two-sided 95 % " +
            "t-interval: vs CE like for like (end vs CE's end, best-validation vs ce+early-stop; a derived arm vs CE's end), and vs the task's best static " +
            "baseline, chosen among CE, ce+early-stop and the static losses and Φs by mean **validation** metric only (never on " +
            "test; not the oracle `forward`, not ALA). Its compute is the whole sweep it was chosen from. Derived arms " +
            "(ce+early-stop, ce+posthoc-la) are views of CE's run and cost no run.\n\n");
        foreach (var task in report.Tasks)
        {
            text.Append(Task(task, figuresLink));
        }

        text.Append(ArmTables.Warnings(report.Warnings));
        var commands = report.Tasks.SelectMany(t => t.Arms).Where(a => a.Arm == a.Source).Select(a => a.Command).ToArray();
        text.Append($"Commands (bench-run.json's where recorded, else as the benchmark defines them):\n\n```bash\n{string.Join('\n', commands)}\n```\n\n");
        return text.ToString();
    }

    private static string Task(MismatchTaskReport task, string figuresLink)
    {
        var metric = task.Headline == "balancedError" ? "balanced error" : task.Headline;
        var text = new StringBuilder($"#### Task {task.Task}: {task.Description} (flags: {task.Flags}; headline: test {metric})\n\n");
        var table = new MarkdownTable(
            "arm", "kind", "child-epochs", "validation (mean)", $"test {metric} % (mean ± SD)", "Δ vs CE, pp [95 % CI]",
            "Δ vs best static", $"at best-validation window: test {metric} %", "Δ vs ce+early-stop", "Δ vs best static (best-val.)");
        foreach (var arm in task.Arms)
        {
            if (!arm.Present)
            {
                table.Row(arm.Arm, arm.Kind, "absent (no results.json)");
                continue;
            }

            var at = arm.AtBestValidation;
            table.Row(
                arm.Arm + (arm.Arm == task.BestStatic.Arm ? " (best static)" : string.Empty),
                arm.Kind,
                arm.Arm == arm.Source ? Count(arm.ChildEpochs) : $"({Count(arm.ChildEpochs)}, {arm.Source}'s run)",
                Numbers.Plain(arm.ValidationMetric, 4),
                View(arm.Headline),
                Delta(arm.Headline?.VersusCe, arm.Arm == arm.Source && arm.Kind == "reference"),
                Delta(arm.Headline?.VersusBestStatic, arm.Arm == task.BestStatic.Arm),
                at is null ? Numbers.Missing : View(at),
                at is null ? Numbers.Missing : Delta(at.VersusCe, arm.Kind == "reference"),
                at is null ? Numbers.Missing : Numbers.Difference(at.VersusBestStatic));
        }

        foreach (var learning in task.Learning)
        {
            table.Row($"{learning.Arm} − {learning.Control} (learning control)", string.Empty, string.Empty, string.Empty, string.Empty,
                Numbers.Difference(learning.End), string.Empty, string.Empty, Numbers.Difference(learning.AtBestValidation));
        }
        text.Append(table).Append('\n');
        text.Append(Best(task)).Append("\n\n");
        text.Append(PhiSweep(task));
        text.Append(PhiDistanceSection.Render(task.PhiDistance));
        text.Append(Figures(task.Figures, figuresLink));
        return text.ToString();
    }

    private static string Best(MismatchTaskReport task)
    {
        var best = task.BestStatic;
        var direction = best.LowerIsBetter ? "lowest" : "highest";
        var candidates = string.Join(", ", best.Candidates.Select(c => $"{c.Arm} {Numbers.Plain(c.ValidationMetric, 4)}"));
        var ala = task.Arms.FirstOrDefault(a => a.Arm == "ala")?.ChildEpochs;
        return best.Arm is null
            ? "Best static baseline: none (no candidate has results)."
            : $"Best static baseline: **{best.Arm}** ({direction} mean validation {best.ValidationMetric} among {candidates}); " +
              $"its sweep cost {Count(best.SweepChildEpochs)} child-epochs ({best.Candidates.Count} candidates; ALA: {Count(ala)}).";
    }

    private static string PhiSweep(MismatchTaskReport task)
    {
        if (task.PhiSweep.Count == 0)
        {
            return "Static Φ sweep: no static Φ arm has results.\n\n";
        }

        var table = new MarkdownTable("static Φ", "validation (mean)", "test % (mean)", "best by validation");
        foreach (var phi in task.PhiSweep)
        {
            table.Row(phi.Arm, Numbers.Plain(phi.ValidationMetric, 4), Numbers.Percent(phi.TestMean), phi.Arm == task.BestStaticPhi?.Arm ? "yes" : string.Empty);
        }

        return $"Static Φ sweep:\n\n{table}\n";
    }

    private static string Figures(IReadOnlyList<FigureReport> figures, string figuresLink)
    {
        var text = new StringBuilder();
        foreach (var bars in figures.Where(f => f.File is not null && f.Title == MismatchFigureKeys.Bars))
        {
            text.Append($"![{bars.Title}]({figuresLink}/{bars.File})\n\n");
        }

        // The two Φ heatmaps on one line, so that they render side by side.
        var phis = figures.Where(f => f.File is not null && f.Title != MismatchFigureKeys.Bars).Select(f => $"![{f.Title}]({figuresLink}/{f.File})").ToArray();
        if (phis.Length > 0)
        {
            text.Append(string.Join(' ', phis)).Append("\n\n");
        }

        foreach (var figure in figures.Where(f => f.File is null))
        {
            text.Append($"- {figure.Title}: {figure.Note ?? "not drawn"}\n");
        }

        return text.Append(figures.Any(f => f.File is null) ? "\n" : string.Empty).ToString();
    }

    private static string View(MismatchView? view) =>
        view is null ? Numbers.Missing : $"{Numbers.MeanStd(view.Test)} (n = {view.Test.N})";

    private static string Delta(Statistics.PairedDifference? difference, bool isReference) =>
        isReference ? "(reference)" : Numbers.Difference(difference);

    private static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Numbers.Missing;
}
