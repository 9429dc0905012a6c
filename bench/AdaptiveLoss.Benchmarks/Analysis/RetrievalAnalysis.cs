using System.Globalization;
using System.Text.Json;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// Reads RUNS/retrieval/ARM/results.json of every arm and builds <see cref="RetrievalReport"/>: Recall@1 and NMI per arm,
/// ALA − margin, frozen − margin and ALA − frozen paired by seed with 95 % t-intervals, the mean final bin weights, and
/// the pre-registered rule's verdict (docs/retrieval.md).
/// </summary>
internal static class RetrievalAnalysis
{
    private static readonly (string Arm, string Reference)[] Pairs =
        [(RetrievalPlan.Ala, RetrievalPlan.Frozen), (RetrievalPlan.Ala, RetrievalPlan.Margin), (RetrievalPlan.Frozen, RetrievalPlan.Margin)];

    /// <summary>The report of <paramref name="plan"/>'s runs under <paramref name="runsRoot"/> (missing arms are reported, not fatal).</summary>
    public static RetrievalReport Analyse(RetrievalPlan plan, string runsRoot)
    {
        var arms = RetrievalPlan.Arms.Select(a => ReadArm(a, Path.Combine(RetrievalPlan.RunsFolder(runsRoot), a.Name))).ToArray();
        var warnings = arms.Where(a => !a.Present).Select(a => $"arm {a.Arm} has no results.json").ToList();
        var byName = arms.ToDictionary(a => a.Arm);
        var comparisons = Pairs.SelectMany(p => new[] { ("Recall@1", (Func<RetrievalChildResult, double>)(c => c.Recall1)), ("NMI", c => c.Nmi) }
                .Select(m => new RetrievalComparison(p.Arm, p.Reference, m.Item1, PairedDifference.Of(BySeed(byName[p.Arm], m.Item2), BySeed(byName[p.Reference], m.Item2)))))
            .ToArray();
        var verdict = Verdict(comparisons[0].Difference);
        var rule = plan.IsEvidence ? RetrievalPlan.DecisionRule : "smoke budget: a pipeline check, no verdict";
        return new RetrievalReport(
            "Metric learning: margin loss vs ALA vs its frozen policy (class-disjoint Fashion-MNIST)",
            $"Budget `{plan.Name}`: {plan.Description}. Flags of every arm: `{string.Join(' ', plan.Flags)}`. Test metrics are retrieval on the "
                + "unseen classes' test images (leave-one-out: each image a query against all the others), in percent; Δ is arm − reference per "
                + "paired seed in percentage points with a two-sided 95 % t-interval (docs/retrieval.md).",
            [ArmTable(arms), DifferenceTable(comparisons), BinTable(byName[RetrievalPlan.Ala], byName[RetrievalPlan.Frozen])],
            [$"Decision rule (pre-registered in docs/retrieval.md): {rule}", $"Verdict: {(plan.IsEvidence ? verdict : "none (smoke)")}"],
            plan.Name, plan.Flags, rule, arms, comparisons, verdict, warnings);
    }

    // The rule applied to ALA − frozen on Recall@1.
    private static string Verdict(PairedDifference difference) => difference.Interval switch
    {
        null => "not decidable (fewer than two paired seeds)",
        { Low: > 0 } => "ALA is better than its frozen control on Recall@1",
        { High: < 0 } => "ALA is worse than its frozen control on Recall@1",
        _ => "no difference detected between ALA and its frozen control on Recall@1 (a null result)",
    };

    private static Dictionary<int, double> BySeed(RetrievalArmResult arm, Func<RetrievalChildResult, double> metric) =>
        arm.Children.ToDictionary(c => c.Seed, metric);

    private static RetrievalArmResult ReadArm(Arm arm, string folder)
    {
        var path = Path.Combine(folder, Results.RunResultsReader.FileName);
        if (!File.Exists(path))
        {
            return new RetrievalArmResult(arm.Name, arm.FlagText, false, [], Summary.Of([]), Summary.Of([]), Summary.Of([]), null, null, null);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var children = json.RootElement.GetProperty("children").EnumerateArray().Select(Child).ToArray();
        return new RetrievalArmResult(arm.Name, arm.FlagText, true, children,
            Summary.Of([.. children.Select(c => c.Recall1)]), Summary.Of([.. children.Select(c => c.Nmi)]), Summary.Of([.. children.Select(c => c.Aucpr)]),
            Mean(children.Select(c => c.PositiveWeights)), Mean(children.Select(c => c.NegativeWeights)), RunRecord.TryRead(folder)?.WallSeconds);
    }

    private static RetrievalChildResult Child(JsonElement child)
    {
        var r = child.GetProperty("test").GetProperty("retrieval");
        double P(string name) => 100 * r.GetProperty(name).GetDouble();
        var bins = child.GetProperty("phiBins");
        double[] Weights(string name) => [.. bins.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];
        return new RetrievalChildResult(child.GetProperty("seed").GetInt32(), P("recall1"), P("recall2"), P("recall4"), P("recall8"), P("nmi"), P("aucpr"),
            Weights("positive"), Weights("negative"));
    }

    private static double[]? Mean(IEnumerable<double[]> rows)
    {
        var all = rows.ToArray();
        return all.Length == 0 ? null : [.. Enumerable.Range(0, all[0].Length).Select(b => all.Average(r => r[b]))];
    }

    private static DocumentTable ArmTable(IReadOnlyList<RetrievalArmResult> arms) => new(
        "Arms: test retrieval on the unseen classes, mean ± sd over the children (%)",
        ["arm", "flags", "children", "Recall@1", "Recall@2", "Recall@4", "Recall@8", "NMI", "pair AUCPR", "wall (s)"],
        [.. arms.Select(a => (IReadOnlyList<string>)
        [
            a.Arm, $"`{a.Flags}`", a.Children.Count.ToString(CultureInfo.InvariantCulture), Numbers.MeanStd(a.Recall1),
            Numbers.Percent(MeanOf(a, c => c.Recall2)), Numbers.Percent(MeanOf(a, c => c.Recall4)), Numbers.Percent(MeanOf(a, c => c.Recall8)),
            Numbers.MeanStd(a.Nmi), Numbers.MeanStd(a.Aucpr), Numbers.Plain(a.WallSeconds, 0),
        ])],
        null);

    private static double? MeanOf(RetrievalArmResult arm, Func<RetrievalChildResult, double> metric) =>
        arm.Children.Count == 0 ? null : arm.Children.Average(metric);

    private static DocumentTable DifferenceTable(IReadOnlyList<RetrievalComparison> comparisons) => new(
        "Paired differences (percentage points, 95 % t-interval)",
        ["comparison", "metric", "Δ [95 % interval]", "interval excludes 0"],
        [.. comparisons.Select(c => (IReadOnlyList<string>)
        [
            $"{c.Arm} − {c.Reference}", c.Metric, Numbers.Difference(c.Difference),
            c.Difference.Interval is { } ci ? (ci.ExcludesZero ? "yes" : "no") : "—",
        ])],
        null);

    private static DocumentTable BinTable(RetrievalArmResult ala, RetrievalArmResult frozen)
    {
        var bins = ala.MeanPositiveWeights?.Length ?? frozen.MeanPositiveWeights?.Length ?? 0;
        string Cell(double[]? weights, int b) => weights is null ? Numbers.Missing : Numbers.Plain(weights[b], 3);
        return new DocumentTable(
            "What the policy did to the bins: final Φ per distance bin, mean over the children (1 = the margin loss)",
            ["bin (distance)", "ala Φ+", "frozen Φ+", "ala Φ−", "frozen Φ−"],
            [.. Enumerable.Range(0, bins).Select(b => (IReadOnlyList<string>)
            [
                $"[{Numbers.Plain(2.0 * b / bins, 2)}, {Numbers.Plain(2.0 * (b + 1) / bins, 2)})",
                Cell(ala.MeanPositiveWeights, b), Cell(frozen.MeanPositiveWeights, b), Cell(ala.MeanNegativeWeights, b), Cell(frozen.MeanNegativeWeights, b),
            ])],
            "Φ+ weighs positive pairs (same class) in that distance bin, Φ− negative pairs; the margin arm keeps every weight at 1.");
    }
}
