using AdaptiveLoss.Benchmarks.Analysis;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>The tables shared by the effect and ablation sections: test errors per arm, signals, commands.</summary>
internal static class ArmTables
{
    /// <summary>Arm, mean ± std, per child, best by validation, Δ vs CE with its interval, ratio to CE.</summary>
    public static MarkdownTable TestErrors(IEnumerable<ArmReport> arms, string nameColumn)
    {
        var table = new MarkdownTable(
            nameColumn, "test error % (mean ± std)", "per child % (seed order)", "best by validation: seed, test %",
            "Δ vs CE, pp [95 % CI]", "ratio to CE");
        foreach (var arm in arms)
        {
            if (!arm.Present)
            {
                table.Row(arm.Arm, "not run", Numbers.Missing, Numbers.Missing, Numbers.Missing, Numbers.Missing);
                continue;
            }

            table.Row(
                arm.Arm,
                $"{Numbers.MeanStd(arm.TestError)} (n = {arm.TestError.N})",
                string.Join(", ", arm.Children.Select(c => Numbers.Percent(c.TestError))),
                arm.BestByValidation is { } best ? $"{best.Seed}: {Numbers.Percent(best.TestError)}" : Numbers.Missing,
                arm.VersusCe is null ? "(reference)" : Numbers.Difference(arm.VersusCe),
                arm.VersusCe is null ? "1" : Numbers.Ratio(arm.RatioToCe));
        }

        return table;
    }

    /// <summary>Reward balance, mean reward, policy version and updates, Φ drift and training time per arm.</summary>
    public static MarkdownTable Signals(IEnumerable<ArmReport> arms, string nameColumn)
    {
        var table = new MarkdownTable(
            nameColumn, "rewards", "positive / zero / negative", "mean reward", "reward unit", "policy version", "updates",
            "transitions", "mean ‖Φ−I‖", "Φ min / max", "within-round reward std", "actions −β/0/+β early → late (%)",
            "late action entropy", "training s");
        foreach (var arm in arms)
        {
            if (arm.Signals is not { } s)
            {
                table.Row(arm.Arm, "not run");
                continue;
            }

            table.Row(
                arm.Arm,
                s.Rewards.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{Numbers.Share(s.Rewards.PositiveShare)} / {Numbers.Share(s.Rewards.ZeroShare)} / {Numbers.Share(s.Rewards.NegativeShare)}",
                Numbers.Plain(s.Rewards.Mean),
                s.Rewards.Unit,
                s.Policy.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Policy.Updates.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Policy.Transitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Numbers.Plain(s.Phi.MeanNormFromIdentity),
                $"{Numbers.Plain(s.Phi.Min)} / {Numbers.Plain(s.Phi.Max)}",
                Numbers.Plain(s.RewardSpread),
                s.Actions is { } a ? $"{SharesText(a.Early)} → {SharesText(a.Late)}" : Numbers.Missing,
                s.Actions is { } e ? Numbers.Plain(e.LateEntropy) : Numbers.Missing,
                Numbers.Plain(arm.ElapsedSeconds, 0));
        }

        return table;
    }

    private static string SharesText(double[] shares) =>
        string.Join("/", shares.Select(p => (p * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The exact commands, one per line, in a shell code block; says where each comes from.</summary>
    public static string Commands(IEnumerable<ArmReport> arms)
    {
        var list = arms.ToArray();
        var sources = list.Select(a => a.CommandSource).Distinct().ToArray();
        var origin = sources is ["definition"]
            ? "as the benchmark defines them (these runs carry no bench-run.json)"
            : "as recorded in each run's bench-run.json (or the benchmark's definition where a run has none)";
        return $"Commands, {origin}:\n\n```bash\n{string.Join('\n', list.Select(a => a.Command))}\n```\n\n";
    }

    /// <summary>Bullet points of warnings, or nothing.</summary>
    public static string Warnings(IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? string.Empty : "Warnings:\n\n" + string.Concat(warnings.Select(w => $"- {w}\n")) + "\n";
}
