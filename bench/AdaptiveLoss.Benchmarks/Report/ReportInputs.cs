using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>Every JSON of a results folder that docs/results.md is rendered from.</summary>
/// <param name="ResultsDirectory">The folder (bench/results by default).</param>
/// <param name="Effects">effect-BUDGET.json files present, in budget order.</param>
/// <param name="Ablations">ablations.json, if present.</param>
/// <param name="Transfer">transfer.json, if present.</param>
/// <param name="Mismatch">mismatch.json, if present.</param>
/// <param name="Sections">Each suite section with its document (null when its JSON is absent).</param>
internal sealed record ReportInputs(
    string ResultsDirectory,
    IReadOnlyList<EffectReport> Effects,
    AblationReport? Ablations,
    TransferReport? Transfer,
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
            Read<TransferReport>(TransferReport.FileName),
            Read<MismatchReport>(MismatchReport.FileName),
            SuiteSection.All.Select(s => (s, Read<TableDocument>(s.FileName))).ToArray());
    }
}
