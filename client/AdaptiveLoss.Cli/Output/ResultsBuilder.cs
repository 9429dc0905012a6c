using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>Turns a finished experiment's status and policy summary into the results.json document (docs/design.md §4).</summary>
internal static class ResultsBuilder
{
    /// <summary>Builds the document; needs at least one completed child.</summary>
    /// <exception cref="InvalidOperationException">No child completed.</exception>
    public static ResultsDocument Build(string experimentId, ExperimentOptions options, ExperimentStatus status, PolicySummary policy)
    {
        var outcomes = status.Children.Select(c => c.Outcome).OfType<ChildOutcome>().ToList();
        if (outcomes.Count == 0)
        {
            throw new InvalidOperationException("no child completed, so there are no results");
        }

        var best = BestByValidation(outcomes, options.Metric);
        var prefix = experimentId + "/";
        return new ResultsDocument(
            experimentId,
            CliNames.NameOf(options.Task),
            CliNames.NameOf(options.Model),
            CliNames.NameOf(options.Loss),
            CliNames.NameOf(options.Metric),
            options.Seed,
            options.Epochs,
            status.ElapsedSeconds,
            outcomes.Select(o => ToChild(o, options.Task)).ToList(),
            new BestChild(best.ChildId, best.TestError),
            outcomes.Average(o => o.TestError),
            new PolicyResult(policy.PolicyId, policy.Version, policy.Updates, policy.Transitions),
            // A policy id shared with other experiments logs their rewards too: keep this experiment's only.
            policy.Rewards.Where(r => r.ChildId.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => new RewardResult(r.Round, r.ChildId, r.Window, r.Reward, r.PolicyVersion))
                .ToList())
        {
            ChildEpochs = options.Children * options.Siblings * options.Epochs,
            Data = DataOf(options, outcomes),
            LossSettings = new LossSettingsResult(options.Smoothing, options.FocalGamma, options.ClassBalanceBeta, options.Tau, options.Phi,
                CliNames.NameOf(options.PhiGroups), CliNames.NameOf(options.Credit),
                options.Siblings, options.Antithetic),
        };
    }

    private static DataResult DataOf(ExperimentOptions o, IReadOnlyList<ChildOutcome> outcomes)
    {
        // Every child of a run shares one training split; the first child that measured it speaks for all.
        var data = outcomes.Select(c => c.Data).OfType<DataSummary>().FirstOrDefault();
        var classes = outcomes[0].Classes;
        return new DataResult(
            o.DataSeed,
            CliNames.NameOf(o.ResolvedValidationSplit()),
            o.Imbalance,
            o.Imbalance is null ? null : LongTail.ParseOrder(o.ImbalanceOrder, classes, o.DataSeed),
            o.ResolvedLabelNoise()?.Format(),
            data?.TrainClassCounts ?? [],
            data?.NoiseMatrix);
    }

    /// <summary>The child with the best validation metric; ties go to the lower index. The test set never chooses.</summary>
    public static ChildOutcome BestByValidation(IReadOnlyList<ChildOutcome> outcomes, MetricKind metric)
    {
        var lowerIsBetter = ClassificationMetrics.Direction(metric) == MetricDirection.LowerIsBetter;
        var best = outcomes[0];
        foreach (var outcome in outcomes.Skip(1))
        {
            var better = lowerIsBetter
                ? outcome.ValidationMetric < best.ValidationMetric
                : outcome.ValidationMetric > best.ValidationMetric;
            best = better ? outcome : best;
        }

        return best;
    }

    private static ChildResult ToChild(ChildOutcome o, TaskKind task) => new(
        o.ChildId,
        o.Seed,
        o.ValidationMetric,
        o.TestError,
        o.TestMetric,
        o.Windows,
        new PhiResult(o.Phi.Min, o.Phi.Max, o.Phi.NormFromIdentity))
    {
        Test = o.Test,
        TestPostHoc = o.TestPostHoc,
        BestValidation = o.BestValidation,
        SiblingCosts = o.SiblingCosts,
        // Retrieval's Φ is 2B bin weights (docs/retrieval.md), not a class-pair matrix.
        PhiBins = task == TaskKind.Retrieval ? new BinsResult(o.FinalPhi[..(o.FinalPhi.Length / 2)], o.FinalPhi[(o.FinalPhi.Length / 2)..]) : null,
        PhiMatrix = task != TaskKind.Retrieval && o.FinalPhi.Length == o.Classes * o.Classes
            ? Enumerable.Range(0, o.Classes).Select(i => o.FinalPhi[(i * o.Classes)..((i + 1) * o.Classes)]).ToArray()
            : null,
        ClassOffsets = o.ClassOffsets,
    };
}
