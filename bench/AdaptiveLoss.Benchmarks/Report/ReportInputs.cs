using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>Every JSON of a results folder that docs/results.md is rendered from.</summary>
/// <param name="ResultsDirectory">The folder (bench/results by default).</param>
/// <param name="Effects">effect-BUDGET.json files present, in budget order.</param>
/// <param name="Ablations">ablations.json, if present.</param>
/// <param name="Transfers">The transfer plans' JSON present, clean (transfer.json) first, then transfer-pairflip.json.</param>
/// <param name="Mismatch">mismatch.json, if present.</param>
/// <param name="Sections">Each suite section with its document (null when its JSON is absent).</param>
internal sealed record ReportInputs(
    string ResultsDirectory,
    IReadOnlyList<EffectReport> Effects,
    AblationReport? Ablations,
    IReadOnlyList<TransferReport> Transfers,
    MismatchReport? Mismatch,
    IReadOnlyList<(SuiteSection Section, TableDocument? Document)> Sections)
{
    /// <summary>Loads whatever of the known JSON files <paramref name="resultsDirectory"/> holds.</summary>
    public static ReportInputs Load(string resultsDirectory)
    {
        T? Read<T>(string name) where T : class
        {
            var path = Path.Combine(resultsDirectory, name);
            return File.Exists(path) ? BenchJson.Read<T>(path) : null;
        }

        return new ReportInputs(
            resultsDirectory,
            EffectBudget.All.Select(b => Read<EffectReport>(EffectReport.FileName(b.Name))).OfType<EffectReport>().ToArray(),
            Read<AblationReport>(AblationReport.FileName),
            TransferPlans.Names.Select(t => Read<TransferReport>(TransferPlans.For(t, smoke: false, design: null).FileName)).OfType<TransferReport>().ToArray(),
            Read<MismatchReport>(MismatchReport.FileName),
            SuiteSection.All.Select(s => (s, Read<TableDocument>(s.FileName))).ToArray());
    }
}
