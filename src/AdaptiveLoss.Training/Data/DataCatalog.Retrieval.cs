using AdaptiveLoss.Core.Options;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>The class-disjoint splits of metric learning (docs/retrieval.md, "Data").</summary>
public static partial class DataCatalog
{
    /// <summary>
    /// Whether the task reads the CIFAR-10 binary format: <c>--task cifar10</c>, or <c>--task retrieval</c> on a folder
    /// holding <c>test_batch.bin</c> (any other folder is read as the four MNIST-format IDX files).
    /// </summary>
    public static bool IsCifar(ChildSettings options, string folder)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Task == TaskKind.Cifar10
            || (options.Task == TaskKind.Retrieval && File.Exists(Path.Combine(folder, CifarReader.TestFile)));
    }

    /// <summary>
    /// Retrieval's splits: training and validation from the training file's images of the first N classes (validation
    /// = held-out images of those classes, so nothing of the unseen classes reaches the reward), test = the test file's
    /// images of the other classes, relabelled from 0. Consumes (disposes) the four input tensors.
    /// </summary>
    private static TaskData ClassDisjoint(ChildSettings options, string folder, bool normalize, int classes,
        Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels)
    {
        var seen = options.ResolvedTrainClasses(classes);
        (trainImages, trainLabels) = FirstClasses(trainImages, trainLabels, seen);
        using (var k = new Losses.HeldScalars())
        using (testImages)
        using (testLabels)
        using (var keep = testLabels.ge(k.Int(seen)).nonzero().squeeze(1))
        {
            var unseenImages = testImages.index_select(0, keep);
            var unseenLabels = testLabels.index_select(0, keep).sub_(k.Int(seen));
            return DataSplit.Carve(folder, seen, trainImages, trainLabels, unseenImages, unseenLabels, options, normalize);
        }
    }
}
