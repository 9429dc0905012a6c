using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>Turns a finished experiment's status and policy summary into the results.json document (spec §4).</summary>
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
            outcomes.Select(ToChild).ToList(),
            new BestChild(best.ChildId, best.TestError),
            outcomes.Average(o => o.TestError),
            new PolicyResult(policy.PolicyId, policy.Version, policy.Updates, policy.Transitions),
            // A policy id shared with other experiments logs their rewards too: keep this experiment's only.
            policy.Rewards.Where(r => r.ChildId.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => new RewardResult(r.Round, r.ChildId, r.Window, r.Reward, r.PolicyVersion))
                .ToList());
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

    private static ChildResult ToChild(ChildOutcome o) => new(
        o.ChildId,
        o.Seed,
        o.ValidationMetric,
        o.TestError,
        o.TestMetric,
        o.Windows,
        new PhiResult(o.Phi.Min, o.Phi.Max, o.Phi.NormFromIdentity));
}
