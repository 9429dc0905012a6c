using System.Text;
using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Runs;

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
        text.Append("Signals (from results.json; action shares from history.json):\n\n").Append(ArmTables.Signals(report.Arms, "arm")).Append('\n');
        text.Append(Noise(report.Arms));
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
        var scope = target.Applies ? "Target (long budget)" : $"For reference (the target is stated for the {TargetCheck.Budget} budget)";
        return $"{scope}: ALA mean test error ≤ {Numbers.Plain(target.RatioTarget, 2)} × CE's: {ratio}; " +
            $"learning arm ahead of the frozen control beyond its 95 % CI: {learning}.";
    }

    // Under cross-entropy the actions change nothing, so its within-round reward spread is pure training and
    // evaluation noise: the yardstick for how much of ALA's advantage signal (Eq. 4, r − round mean) could be the actions'.
    private static string Noise(IReadOnlyList<ArmReport> arms)
    {
        var ce = arms.FirstOrDefault(a => a.Arm == EffectArms.CrossEntropy)?.Signals?.RewardSpread;
        var ala = arms.FirstOrDefault(a => a.Arm == EffectArms.Ala)?.Signals;
        if (ce is not { } noise || ala?.RewardSpread is not { } spread || noise <= 0)
        {
            return string.Empty;
        }

        var trend = ala.Actions is { } a
            ? $" The learning policy's action shares (−β/0/+β) move from {Shares(a.Early)} % in the first tenth of the windows to " +
              $"{Shares(a.Late)} % in the last (entropy {Numbers.Plain(a.LateEntropy)} nats; uniform = {Numbers.Plain(Math.Log(3))})."
            : string.Empty;
        // Independent noise and action effects add in variance: what the actions could explain is at most the excess.
        var excess = Math.Sqrt(Math.Max(0, (spread * spread) - (noise * noise)));
        return $"Reward noise: under cross-entropy, where the actions change nothing, the rewards of one round differ between " +
            $"children by {Numbers.Plain(noise)} {RewardUnitShort(arms)} (mean within-round std, rounds 2 onwards); under ALA by " +
            $"{Numbers.Plain(spread)} (ratio {Numbers.Ratio(spread / noise)}). That spread is the advantage REINFORCE learns from " +
            $"(Eq. 4: r − the round's mean); the part the actions could explain is at most √(max(0, ALA² − CE²)) = " +
            $"{Numbers.Plain(excess)}, i.e. a signal-to-noise ratio of at most {Numbers.Ratio(excess / noise)} in each advantage.{trend}\n\n";
    }

    private static string RewardUnitShort(IReadOnlyList<ArmReport> arms) =>
        arms.FirstOrDefault(a => a.Arm == EffectArms.CrossEntropy)?.Signals?.Rewards.Unit == "percentage points" ? "pp" : "(reward units)";

    private static string Shares(double[] shares) =>
        string.Join("/", shares.Select(p => (p * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)));

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
