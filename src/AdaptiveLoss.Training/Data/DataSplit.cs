using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// Carves the validation split, then transforms what is left into the training split (train limit, long tail, label
/// noise; docs/mismatch.md), and standardises the inputs. Validation is carved first, from the clean file, so it stays
/// clean; the test split is never touched. Every choice is a pure function of the options and the data seed.
/// </summary>
internal static class DataSplit
{
    /// <summary>Carves the splits of <paramref name="options"/>; consumes (disposes) the four input tensors.</summary>
    public static TaskData Carve(string source, int classes, Tensor trainImages, Tensor trainLabels, Tensor testImages,
        Tensor testLabels, ChildSettings options, bool normalize)
    {
        try
        {
            var n = trainImages.shape[0];
            var validationSize = options.ValidationSize;
            if (validationSize >= n)
            {
                throw NoTrainingImages(source, validationSize, n);
            }

            if (!testImages.shape[1..].SequenceEqual(trainImages.shape[1..]))
            {
                throw ShapeMismatch(source, Shape(testImages), Shape(trainImages));
            }

            var labels = trainLabels.data<long>().Select(l => (int)l).ToArray();
            var (validation, train) = Indices(source, labels, classes, options);
            var cleanTrainLabels = train.Select(i => labels[i]).ToArray();
            var noise = options.ResolvedLabelNoise();
            var observed = noise?.Apply(cleanTrainLabels, classes, options.DataSeed) ?? cleanTrainLabels;
            var summary = new DataSummary(
                DataSummary.CountClasses(observed, classes),
                noise is null ? null : DataSummary.Rows(LabelNoise.RealisedMatrix(cleanTrainLabels, observed, classes)));

            using var scope = torch.NewDisposeScope();
            var trainX = trainImages.index_select(0, Index(train));
            var (mean, std) = normalize ? ChannelStatistics(trainX) : (torch.zeros(1), torch.ones(1));
            Tensor Standardise(Tensor x) => x.sub(mean).div_(std).DetachFromDisposeScope();
            return new TaskData(
                source,
                classes,
                Standardise(trainX),
                torch.tensor(observed.Select(l => (long)l).ToArray()).DetachFromDisposeScope(),
                Standardise(trainImages.index_select(0, Index(validation))),
                trainLabels.index_select(0, Index(validation)).DetachFromDisposeScope(),
                Standardise(testImages),
                testLabels.clone().DetachFromDisposeScope(),
                summary);
        }
        finally
        {
            trainImages.Dispose();
            trainLabels.Dispose();
            testImages.Dispose();
            testLabels.Dispose();
        }
    }

    /// <summary>
    /// The validation and training indices into <paramref name="labels"/> (the training file's, after --classes):
    /// the carve, then the train limit and the long tail. Labels alone decide them, so the data preflight carves the
    /// same splits from the labels file before any image is loaded, and fails where loading would.
    /// </summary>
    internal static (int[] Validation, int[] Train) Indices(string source, int[] labels, int classes, ChildSettings options)
    {
        var (validation, rest) = Validation(source, labels, classes, options);
        return (validation, Train(source, labels, rest, classes, options));
    }

    /// <summary>The one-line error for a validation split that takes every training image.</summary>
    internal static DataFormatException NoTrainingImages(string source, int validationSize, long images) =>
        new(source, $"validation size {validationSize} leaves no training images: the training file holds {images}");

    /// <summary>The one-line error for test and training images of different shapes ("1x28x28").</summary>
    internal static DataFormatException ShapeMismatch(string source, string test, string train) =>
        new(source, $"shape mismatch: test images are {test} but training images are {train}");

    private static (int[] Validation, int[] Train) Validation(string source, int[] labels, int classes, ChildSettings options)
    {
        if (options.ResolvedValidationSplit() != ValidationSplitKind.Balanced)
        {
            return ValidationSplit.Tail(labels.Length, options.ValidationSize);
        }

        try
        {
            return ValidationSplit.Balanced(labels, classes, options.ValidationSize);
        }
        catch (ArgumentException ex)
        {
            throw new DataFormatException(source, ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    // The training split: the first --train-limit images after the carve, then the long-tailed subset of them.
    private static int[] Train(string source, int[] labels, int[] rest, int classes, ChildSettings options)
    {
        var train = options.TrainLimit is { } limit && limit < rest.Length ? rest[..limit] : rest;
        if (options.Imbalance is not { } ratio)
        {
            return train;
        }

        var restLabels = train.Select(i => labels[i]).ToArray();
        var available = DataSummary.CountClasses(restLabels, classes);
        if (available.Any(c => c == 0))
        {
            throw new DataFormatException(source, $"--imbalance needs every class in the training split; class {Array.IndexOf(available, 0)} has no images");
        }

        var order = LongTail.ParseOrder(options.ImbalanceOrder, classes, options.DataSeed);
        var keep = LongTail.Select(restLabels, LongTail.Counts(available, ratio, order), options.DataSeed);
        return keep.Select(k => train[k]).ToArray();
    }

    private static Tensor Index(int[] indices) => torch.tensor(indices.Select(i => (long)i).ToArray());

    /// <summary>Per-channel mean and standard deviation, shaped [1, c, 1, 1]; a constant channel gets std 1.</summary>
    private static (Tensor Mean, Tensor Std) ChannelStatistics(Tensor images)
    {
        var dims = new long[] { 0, 2, 3 };
        var mean = images.mean(dims, keepdim: true);
        var std = images.std(dims, unbiased: false, keepdim: true);
        return (mean, torch.where(std.gt(1e-6), std, torch.ones_like(std)));
    }

    private static string Shape(Tensor images) => string.Join('x', images.shape[1..]);
}
