using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>Builds the report of one arm from its run folder, paired with the cross-entropy reference by seed.</summary>
internal static class ArmAnalysis
{
    /// <summary>
    /// The report of <paramref name="arm"/>. <paramref name="reference"/> is cross-entropy's results (null when it is
    /// missing, or when <paramref name="arm"/> is cross-entropy itself: no difference, no ratio).
    /// </summary>
    public static ArmReport Build(Arm arm, RunFolder run, RunResults? reference, string definedCommand)
    {
        var command = run.Record?.Command ?? definedCommand;
        var source = run.Record is null ? "definition" : RunRecord.FileName;
        if (run.Results is not { } results)
        {
            return new ArmReport(arm.Name, arm.Description, arm.FlagText, false, command, source, null, [], Summary.Of([]), null, null, null, null);
        }

        var children = results.Children
            .DistinctBy(c => c.Seed)
            .OrderBy(c => c.Seed)
            .Select(c => new ChildReport(c.Id, c.Seed, c.ValidationMetric, c.TestError * 100, c.Windows, c.Phi?.NormFromIdentity))
            .ToArray();
        var summary = Summary.Of(children.Select(c => c.TestError).ToArray());
        var versus = reference is null ? null : PairedDifference.Of(TestErrorBySeed(results), TestErrorBySeed(reference));
        var referenceMean = reference is null ? null : Summary.Of(TestErrorBySeed(reference).Values.ToArray()).Mean;
        var ratio = summary.Mean is { } mean && referenceMean is { } baseline && baseline > 0 ? mean / baseline : (double?)null;
        return new ArmReport(
            arm.Name, arm.Description, arm.FlagText, true, command, source, results.ElapsedSeconds, children, summary,
            BestByValidation(children, results.Metric), versus, ratio, SignalAnalysis.Of(results, RewardUnit(arm), run.ReadHistory()));
    }

    /// <summary>Seed → test error in percent (one child per seed).</summary>
    public static IReadOnlyDictionary<int, double> TestErrorBySeed(RunResults results) =>
        results.Children.DistinctBy(c => c.Seed).ToDictionary(c => c.Seed, c => c.TestError * 100);

    /// <summary>The child with the best validation metric: lowest error, highest F1/AUCPR; ties go to the lower seed.</summary>
    public static ChildReport? BestByValidation(IReadOnlyList<ChildReport> children, string metric)
    {
        var lowerIsBetter = MetricViews.LowerIsBetter(metric);
        return children
            .OrderBy(c => lowerIsBetter ? c.ValidationMetric : -c.ValidationMetric)
            .ThenBy(c => c.Seed)
            .FirstOrDefault();
    }

    /// <summary>The unit of the arm's rewards: ±1/0 under the sign reward (Eq. 5, also the paper preset), else percentage points.</summary>
    public static string RewardUnit(Arm arm) =>
        arm.Flags.Contains("sign") || arm.Flags.Contains("paper") ? "sign (+1/0/-1)" : "percentage points";
}
