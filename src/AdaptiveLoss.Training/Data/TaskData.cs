using AdaptiveLoss.Core.Data;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// The loaded splits of one task (docs/design.md §2): training, validation (carved from the end of the training file, never the
/// test set) and test tensors on the CPU, the class count and the input shape. Instances that
/// <see cref="DataCatalog"/> hands out are shared, read-only, by every child of the process and owned by the catalog,
/// which disposes them once no lease holds them: do not dispose them. An instance built directly belongs to whoever
/// built it.
/// </summary>
public sealed class TaskData : IDisposable
{
    /// <summary>
    /// Takes ownership of the six tensors: images float32 [n, c, h, w], labels int64 [n]. <paramref name="summary"/>
    /// describes the training split's transforms; null = counted from <paramref name="trainLabels"/>, no noise.
    /// </summary>
    public TaskData(string source, int classes, Tensor trainImages, Tensor trainLabels, Tensor validationImages,
        Tensor validationLabels, Tensor testImages, Tensor testLabels, DataSummary? summary = null)
    {
        Source = source;
        Classes = classes;
        TrainImages = trainImages;
        TrainLabels = trainLabels;
        ValidationImages = validationImages;
        ValidationLabels = validationLabels;
        TestImages = testImages;
        TestLabels = testLabels;
        InputShape = trainImages.shape[1..];
        ValidationLabelArray = ToInts(validationLabels);
        TestLabelArray = ToInts(testLabels);
        Summary = summary ?? new DataSummary(DataSummary.CountClasses(ToInts(trainLabels), classes), null);
    }

    /// <summary>Training images per observed label and the realised label noise (docs/mismatch.md).</summary>
    public DataSummary Summary { get; }

    /// <summary>Where the data came from (the resolved folder), for messages.</summary>
    public string Source { get; }

    /// <summary>Number of classes C.</summary>
    public int Classes { get; }

    /// <summary>Shape of one input, [channels, rows, cols].</summary>
    public long[] InputShape { get; }

    /// <summary>Training images the children learn from (after the validation split and the train limit).</summary>
    public Tensor TrainImages { get; }

    /// <summary>Training labels, int64 [n].</summary>
    public Tensor TrainLabels { get; }

    /// <summary>Validation images: the last ValidationSize images of the training file.</summary>
    public Tensor ValidationImages { get; }

    /// <summary>Validation labels, int64 [n].</summary>
    public Tensor ValidationLabels { get; }

    /// <summary>Test images, evaluated once per child at the end.</summary>
    public Tensor TestImages { get; }

    /// <summary>Test labels, int64 [n].</summary>
    public Tensor TestLabels { get; }

    /// <summary>Validation labels as a C# array (the metrics run on arrays).</summary>
    public int[] ValidationLabelArray { get; }

    /// <summary>Test labels as a C# array.</summary>
    public int[] TestLabelArray { get; }

    /// <summary>Number of training images.</summary>
    public long TrainCount => TrainImages.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        ValidationImages.Dispose();
        ValidationLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
    }

    private static int[] ToInts(Tensor labels) => labels.data<long>().Select(l => (int)l).ToArray();
}
