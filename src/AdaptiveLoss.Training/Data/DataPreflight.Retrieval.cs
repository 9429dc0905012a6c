using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Training.Data;

/// <summary>What retrieval's class-disjoint splits need (docs/retrieval.md, "Data"), checked on the labels before anything starts.</summary>
public static partial class DataPreflight
{
    // The training file's images of the first N classes train and validate; the test file's images of the others are tested
    // by leave-one-out retrieval, so each split needs a gallery of K images (K + 1 in all) for the largest K reported.
    private static long CheckRetrieval(ChildSettings options, Split train, Split test, int classes)
    {
        var seen = options.ResolvedTrainClasses(classes);
        var unseen = $"{seen}..{classes - 1}";
        var testImages = test.PerClass.Skip(seen).Take(classes - seen).Sum();
        if (testImages < RetrievalMetrics.MaxK + 1)
        {
            throw new DataFormatException(test.Source,
                $"Recall@{RetrievalMetrics.MaxK} needs a gallery of {RetrievalMetrics.MaxK} images, but the test split has {testImages} of the unseen classes {unseen}");
        }

        if (options.ValidationSize < RetrievalMetrics.MaxK + 1)
        {
            throw new ArgumentException(
                $"--validation-size {options.ValidationSize}: Recall@{RetrievalMetrics.MaxK} needs a validation gallery of {RetrievalMetrics.MaxK} images ({RetrievalMetrics.MaxK + 1} at least)");
        }

        var trainPerClass = train.PerClass.Take(seen).ToArray();
        if (trainPerClass.Sum() <= options.ValidationSize)
        {
            throw DataSplit.NoTrainingImages(train.Source, options.ValidationSize, trainPerClass.Sum());
        }

        if (train.Labels is { } labels)
        {
            return DataSplit.Indices(train.Source, [.. labels.Where(l => l < seen).Select(l => (int)l)], seen, options).Train.Length;
        }

        var rest = trainPerClass.Sum() - options.ValidationSize;
        return options.TrainLimit is { } limit ? Math.Min(limit, rest) : rest;
    }
}
