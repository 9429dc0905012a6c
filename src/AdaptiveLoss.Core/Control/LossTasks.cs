using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Control;

/// <summary>
/// What the orchestration may know of a task before any child exists (docs/design.md §3): the state's feature count,
/// which sizes the shared policy. The data sets of <see cref="TaskKind"/> are classification; <see cref="TaskKind.Retrieval"/>
/// is metric learning (docs/design.md §1.8), whose case is here and in the Training project's task factory.
/// </summary>
public static class LossTasks
{
    /// <summary>Features per group of the task of <paramref name="options"/> (2H + 4 for classification, docs/design.md §1.2).</summary>
    public static int FeatureCount(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Task switch
        {
            TaskKind.FashionMnist or TaskKind.Idx or TaskKind.Cifar10 => PairStateBuilder.FeatureCountFor(options.HistoryLength),
            // The bins' state has the pairs' shape (docs/retrieval.md, "State"), so a policy transfers between the tasks.
            TaskKind.Retrieval => new BinStateBuilder(1, options.HistoryLength).FeatureCount,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Task, "unknown task"),
        };
    }
}
