using System.Text;
using AdaptiveLoss.Benchmarks.Analysis;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>The ablations in docs/results.md: one table of test errors with paired differences to cross-entropy.</summary>
internal static class AblationSection
{
    /// <summary>The markdown of <paramref name="report"/>.</summary>
    public static string Render(AblationReport report)
    {
        var text = new StringBuilder();
        text.Append($"### Ablations: {report.Description}\n\n");
        if (!report.IsEvidence)
        {
            text.Append("> Pipeline check only (tiny data): these numbers say nothing about the method.\n\n");
        }

        text.Append("Each variant changes one option of the defaults (the `default` row). Δ is paired on the seeds both runs " +
            "completed: a children-N variant pairs with cross-entropy's first N seeds.\n\n");
        var table = new MarkdownTable(
            "variant", "what", "test error % (mean ± std)", "Δ vs CE, pp [95 % CI]", "paired seeds", "ratio to CE",
            "mean reward", "policy updates");
        foreach (var v in report.Variants)
        {
            if (!v.Present)
            {
                table.Row(v.Arm, v.Description, "not run");
                continue;
            }

            table.Row(
                v.Arm,
                v.Description,
                $"{Numbers.MeanStd(v.TestError)} (n = {v.TestError.N})",
                v.VersusCe is null ? "(reference)" : Numbers.Difference(v.VersusCe),
                v.VersusCe is null ? Numbers.Missing : string.Join(",", v.VersusCe.Seeds),
                v.VersusCe is null ? "1" : Numbers.Ratio(v.RatioToCe),
                v.Signals is { } s ? $"{Numbers.Plain(s.Rewards.Mean)} ({(s.Rewards.Unit.StartsWith("sign", StringComparison.Ordinal) ? "sign" : "pp")})" : Numbers.Missing,
                v.Signals is { } p ? p.Policy.Updates.ToString(System.Globalization.CultureInfo.InvariantCulture) : Numbers.Missing);
        }

        text.Append(table).Append('\n');
        text.Append("Signals (from results.json):\n\n").Append(ArmTables.Signals(report.Variants, "variant")).Append('\n');
        text.Append(ArmTables.Warnings(report.Warnings));
        text.Append(ArmTables.Commands(report.Variants));
        return text.ToString();
    }
}
