using System.Text;
using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>One effect budget in docs/results.md: test errors, learning vs frozen, target, signals, figures, commands.</summary>
internal static class EffectSection
{
    /// <summary>The markdown of <paramref name="report"/>; figures link to <paramref name="figuresLink"/>/FILE.</summary>
    public static string Render(EffectReport report, string figuresLink)
    {
        var text = new StringBuilder();
        text.Append($"### Effect, {report.Budget} budget: {report.Description}\n\n");
        if (!report.IsEvidence)
        {
            text.Append("> Pipeline check only (tiny data): these numbers say nothing about the method.\n\n");
        }

        var table = ArmTables.TestErrors(report.Arms, "arm");
        table.Row("ala − frozen (learning vs frozen)", string.Empty, string.Empty, string.Empty, Numbers.Difference(report.LearningVsFrozen), string.Empty);
        text.Append(table).Append('\n');
        text.Append(Target(report.Target)).Append("\n\n");
        text.Append("Signals (from results.json):\n\n").Append(ArmTables.Signals(report.Arms, "arm")).Append('\n');
        text.Append(Figures(report.Figures, figuresLink));
        text.Append(ArmTables.Warnings(report.Warnings));
        text.Append(ArmTables.Commands(report.Arms));
        return text.ToString();
    }

    private static string Target(TargetCheck target)
    {
        var ratio = target.AlaRatio is null
            ? "ratio unknown (ala or ce missing)"
            : $"ratio {Numbers.Ratio(target.AlaRatio)} → {(target.RatioMet == true ? "met" : "not met")}";
        var learning = target.LearningAheadOfFrozen switch
        {
            true => "yes",
            false => "no",
            null => "unknown (ala or frozen missing, or fewer than two pairs)",
        };
        var scope = target.Applies ? "Target (issue 3, long budget)" : $"For reference (the target is stated for the {TargetCheck.Budget} budget)";
        return $"{scope}: ALA mean test error ≤ {Numbers.Plain(target.RatioTarget, 2)} × CE's: {ratio}; " +
            $"learning arm ahead of the frozen control beyond its 95 % CI: {learning}.";
    }

    private static string Figures(IReadOnlyDictionary<string, FigureReport> figures, string figuresLink)
    {
        var text = new StringBuilder("Figures:\n\n");
        foreach (var (key, title) in FigureKeys.All)
        {
            var figure = figures.TryGetValue(key, out var f) ? f : new FigureReport(title, null, "missing from the JSON");
            text.Append(figure.File is { } file
                ? $"![{figure.Title}]({figuresLink}/{file})\n{(figure.Note is { } note ? $"*{figure.Title}: {note}*\n" : string.Empty)}\n"
                : $"- {figure.Title}: {figure.Note ?? "not drawn"}\n\n");
        }

        return text.ToString();
    }
}
