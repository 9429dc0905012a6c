using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Reporting.History;

/// <summary>Builds a <see cref="RunHistory"/> from what the grains answer: the experiment's status and the policy summary.</summary>
public static class RunHistoryBuilder
{
    /// <summary>
    /// The history of <paramref name="status"/>'s experiment. Children keep their index order; a child without an
    /// outcome (failed, cancelled, still running) keeps its windows and gets null results. Rewards of other experiments
    /// sharing the policy id are left out. A loaded policy (<see cref="ExperimentOptions.InitialPolicy"/>) is recorded by
    /// its reference (<see cref="PolicyHistory.FromPolicy"/>), not by its weights, which stay in the snapshot file.
    /// </summary>
    public static RunHistory Build(ExperimentOptions options, ExperimentStatus status, PolicySummary policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(policy);
        var prefix = status.ExperimentId + "/";
        return new RunHistory(
            RunHistory.CurrentFormat,
            status.ExperimentId,
            status.State,
            status.ElapsedSeconds,
            options.InitialPolicy is null ? options : options with { InitialPolicy = null },
            new PolicyHistory(policy.PolicyId, policy.Version, policy.Updates, policy.Transitions, policy.Rounds,
                policy.DiscardedTransitions, options.InitialPolicy?.Reference.ToString()),
            status.Children.Select((child, index) => ToChild(child, options.Seed + index)).ToList(),
            policy.Rewards.Where(r => r.ChildId.StartsWith(prefix, StringComparison.Ordinal)).ToList());
    }

    private static ChildHistory ToChild(ChildStatus child, int seed)
    {
        var o = child.Outcome;
        return new ChildHistory(
            child.ChildId,
            o?.Seed ?? seed,
            child.State,
            child.Error,
            o?.Classes,
            o?.ValidationMetric,
            o?.ValidationError,
            o?.TestError,
            o?.TestMetric,
            o?.FinalPhi,
            child.Windows);
    }
}
