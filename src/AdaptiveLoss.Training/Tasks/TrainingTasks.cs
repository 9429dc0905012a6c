using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Tasks;

/// <summary>
/// The task of a child from its options (docs/design.md §3): classification for the data sets of <see cref="TaskKind"/>,
/// metric learning for <see cref="TaskKind.Retrieval"/> (docs/retrieval.md), whose case here and in Core's <c>LossTasks</c>
/// is all it took: nothing in the grains or the coordinator changed.
/// </summary>
internal static class TrainingTasks
{
    /// <summary>The task of <paramref name="options"/> on <paramref name="data"/>, its tensors on <paramref name="device"/>.</summary>
    public static ITrainingTask Create(ChildSettings options, TaskData data, Device device) => options.Task switch
    {
        TaskKind.FashionMnist or TaskKind.Idx or TaskKind.Cifar10 => new ClassificationTask(options, data, device),
        TaskKind.Retrieval => new Retrieval.RetrievalTask(options, data, device),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Task, "unknown task"),
    };
}
