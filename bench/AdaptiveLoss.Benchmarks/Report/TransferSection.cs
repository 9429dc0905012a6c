using System.Text;
using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>The transfer benchmark in docs/results.md: the learning run, each task's arms and Δs, the shipping decision.</summary>
internal static class TransferSection
{
    /// <summary>The markdown of <paramref name="report"/>.</summary>
    public static string Render(TransferReport report)
    {
        var text = new StringBuilder();
        // Files written before plans had a task are the clean plan's.
        var learnedOn = report.Task ?? TransferPlans.Clean;
        text.Append($"### Transfer, {(learnedOn == TransferPlans.Clean ? string.Empty : learnedOn + " ")}{report.Plan} plan: {report.Description}\n\n");
        if (!report.IsEvidence)
        {
            text.Append("> Pipeline check only (tiny data): these numbers say nothing about the method.\n\n");
        }

        text.Append("A policy is learned in one long ALA run, then applied **frozen** (`--policy ID@V --freeze-policy`) to children " +
            "it has never seen: fresh seeds, and other tasks. The control is a policy frozen at its random " +
            "initialisation (`--freeze-policy`; Φ still moves under its actions), so learned − random is what the learning " +
            "bought; `continued` starts from the learned policy and keeps learning. Δ are per paired seed, in percentage points, " +
            "with a two-sided 95 % t-interval.\n\n");
        text.Append(report.Design is { } design
            ? $"Credit design (`--design`): `{design}` on the learning run and every ALA arm (not on ce).\n\n"
            : "Credit design: the CLI's defaults.\n\n");
        var learn = report.Learn;
        text.Append(learn.Present
            ? $"Learning run: policy {report.LearnedPolicy ?? Numbers.Missing} ({learn.Signals?.Policy.Transitions} transitions); its own children " +
              $"(seeds {string.Join(", ", learn.Children.Select(c => c.Seed))}) reach {Numbers.MeanStd(learn.TestError)} % test error; " +
              $"training {Numbers.Plain(learn.ElapsedSeconds, 0)} s.\n\n"
            : "Learning run: not run yet.\n\n");

        foreach (var task in report.Tasks)
        {
            text.Append($"#### Task {task.Task}: {task.Description} (flags: {task.Flags})\n\n");
            if (task.Headline is { } headline && headline != RunMetrics.ErrorName)
            {
                text.Append($"Every number of this task is the test **{headline}** (the task's metric), not the plain test error.\n\n");
            }

            var table = ArmTables.TestErrors(task.Arms, "arm");
            table.Row("learned − random (frozen vs frozen)", string.Empty, string.Empty, string.Empty, Numbers.Difference(task.LearnedVsRandom), string.Empty);
            table.Row("continued − random", string.Empty, string.Empty, string.Empty, Numbers.Difference(task.ContinuedVsRandom), string.Empty);
            text.Append(table).Append('\n');
            text.Append("Training time per arm: ")
                .Append(string.Join(", ", task.Arms.Select(a => $"{a.Arm} {Numbers.Plain(a.ElapsedSeconds, 0)} s")))
                .Append(".\n\n");
        }

        text.Append(Ship(report.Ship)).Append("\n\n");
        text.Append(ArmTables.Warnings(report.Warnings));
        text.Append(ArmTables.Commands([learn, .. report.Tasks.SelectMany(t => t.Arms)]));
        return text.ToString();
    }

    private static string Ship(ShipDecision ship) => ship switch
    {
        { ShippedTo: { } path } => $"Shipped: the learned snapshot is [{path}](../{path}) ({ship.Reason}).",
        { Helps: true } => $"Helps by the rule, not copied by this analysis ({ship.Reason}).",
        { Helps: false } => $"Not shipped: the learned policy does not help beyond the interval ({ship.Reason}).",
        _ => $"Not decided: {ship.Reason}.",
    };
}
