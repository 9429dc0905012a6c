using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Data;

/// <summary>Carves the validation split and the train limit out of a training file and standardises the inputs.</summary>
internal static class DataSplit
{
    /// <summary>
    /// Validation = the last <paramref name="validationSize"/> training images (spec §2, never the test set); training
    /// = the first <paramref name="trainLimit"/> of the rest. Consumes (disposes) the four input tensors.
    /// </summary>
    public static TaskData Carve(string source, int classes, Tensor trainImages, Tensor trainLabels, Tensor testImages,
        Tensor testLabels, int validationSize, int? trainLimit, bool normalize)
    {
        try
        {
            var n = trainImages.shape[0];
            if (validationSize >= n)
            {
                throw new DataFormatException(source, $"validation size {validationSize} leaves no training images: the training file holds {n}");
            }

            if (!testImages.shape[1..].SequenceEqual(trainImages.shape[1..]))
            {
                throw new DataFormatException(source, $"shape mismatch: test images are {Shape(testImages)} but training images are {Shape(trainImages)}");
            }

            var rest = n - validationSize;
            var trainCount = Math.Min(rest, (long)(trainLimit ?? int.MaxValue));
            using var scope = torch.NewDisposeScope();
            var train = trainImages.narrow(0, 0, trainCount);
            var (mean, std) = normalize ? ChannelStatistics(train) : (torch.zeros(1), torch.ones(1));
            Tensor Standardise(Tensor x) => x.sub(mean).div_(std).DetachFromDisposeScope();
            Tensor Copy(Tensor y) => y.clone().DetachFromDisposeScope();
            return new TaskData(
                source,
                classes,
                Standardise(train),
                Copy(trainLabels.narrow(0, 0, trainCount)),
                Standardise(trainImages.narrow(0, rest, validationSize)),
                Copy(trainLabels.narrow(0, rest, validationSize)),
                Standardise(testImages),
                Copy(testLabels));
        }
        finally
        {
            trainImages.Dispose();
            trainLabels.Dispose();
            testImages.Dispose();
            testLabels.Dispose();
        }
    }

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
