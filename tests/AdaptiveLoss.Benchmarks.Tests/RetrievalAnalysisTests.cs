using System.Text.Json;
using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The retrieval study's analysis (docs/retrieval.md) on hand-made runs of four paired seeds: margin Recall@1 80, 81, 82,
/// 83; ala margin + 2, 2.5, 3, 3.5 (a clear gain); frozen margin + 0, +1, −1, 0 (none); NMI 40 + seed in every arm.
/// </summary>
public sealed class RetrievalAnalysisTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Analyse_HandMadeRuns_MeansPairedDifferencesVerdictAndBins()
    {
        var runs = _temp.Combine("runs");
        Write(runs, RetrievalPlan.Margin, [0.80, 0.81, 0.82, 0.83], weight: 1.0);
        Write(runs, RetrievalPlan.Ala, [0.82, 0.835, 0.85, 0.865], weight: 1.2);
        Write(runs, RetrievalPlan.Frozen, [0.80, 0.82, 0.81, 0.83], weight: 0.9);

        var report = RetrievalAnalysis.Analyse(RetrievalPlan.Full, runs);

        Assert.Empty(report.Warnings);
        Assert.Equal(81.5, report.Arms[0].Recall1.Mean!.Value, 9);
        Assert.Equal(42.5, report.Arms[0].Nmi.Mean!.Value, 9);
        var alaVsFrozen = report.Comparisons.Single(c => c is { Arm: "ala", Reference: "frozen", Metric: "Recall@1" }).Difference;
        Assert.Equal(2.75, alaVsFrozen.Summary.Mean!.Value, 9);
        Assert.True(alaVsFrozen.Interval!.ExcludesZero);
        Assert.Equal("ALA is better than its frozen control on Recall@1", report.Verdict);
        var frozenVsMargin = report.Comparisons.Single(c => c is { Arm: "frozen", Reference: "margin", Metric: "Recall@1" }).Difference;
        Assert.False(frozenVsMargin.Interval!.ExcludesZero);
        Assert.Equal(0.0, report.Comparisons.Single(c => c is { Arm: "ala", Reference: "margin", Metric: "NMI" }).Difference.Summary.Mean!.Value, 9);
        Assert.Equal([1.2, 1.2], report.Arms[1].MeanPositiveWeights!);
        Assert.Equal([0.9, 0.9], report.Arms[2].MeanNegativeWeights!);
        var bins = report.Tables![2];
        Assert.Equal(["[0, 1)", "1.2", "0.9", "1.2", "0.9"], bins.Rows[0]);
    }

    [Fact]
    public void Analyse_MissingArm_WarnsAndRendersWithoutIt()
    {
        var runs = _temp.Combine("runs");
        Write(runs, RetrievalPlan.Margin, [0.80, 0.81], weight: 1.0);

        var report = RetrievalAnalysis.Analyse(RetrievalPlan.Full, runs);

        Assert.Equal(["arm ala has no results.json", "arm frozen has no results.json"], report.Warnings);
        Assert.StartsWith("not decidable", report.Verdict);
        var markdown = TableDocumentSection.Render(new SuiteSection("Metric learning (retrieval)", "retrieval.json", "./bench.sh retrieval"),
            new TableDocument(report.Title, report.Description, report.Tables, report.Notes));
        Assert.Contains("| margin |", markdown);
    }

    // RUNS/retrieval/ARM/results.json with one child per Recall@1 value (seeds 1, 2, …), two bins of the given weight.
    private static void Write(string runs, string arm, double[] recall1, double weight)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RetrievalPlan.RunsFolder(runs), arm)).FullName;
        var children = recall1.Select((r, i) => new
        {
            seed = i + 1,
            test = new { retrieval = new { recall1 = r, recall2 = r + 0.05, recall4 = r + 0.08, recall8 = r + 0.1, nmi = 0.4 + ((i + 1) / 100.0), aucpr = 0.5 } },
            phiBins = new { positive = new[] { weight, weight }, negative = new[] { weight, weight } },
        });
        File.WriteAllText(Path.Combine(folder, "results.json"), JsonSerializer.Serialize(new { children }));
    }
}
