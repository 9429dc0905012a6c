namespace AdaptiveLoss.Core.Metrics;

/// <summary>Per-class error and its mean, the balanced error (one minus balanced accuracy).</summary>
public static partial class ClassificationMetrics
{
    /// <summary>
    /// Per-class error: entry c is the fraction of samples of true class c whose arg-max (lowest index on ties, as in
    /// <see cref="Error"/>) is not c; NaN for a class with no samples.
    /// </summary>
    public static double[] ClassErrors(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        Validate(logProbabilities, labels, classes);
        var wrong = new int[classes];
        var total = new int[classes];
        for (var k = 0; k < labels.Length; k++)
        {
            total[labels[k]]++;
            if (ArgMax(logProbabilities.Slice(k * classes, classes)) != labels[k])
            {
                wrong[labels[k]]++;
            }
        }

        var errors = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            errors[c] = total[c] == 0 ? double.NaN : (double)wrong[c] / total[c];
        }

        return errors;
    }

    /// <summary>
    /// Mean of <see cref="ClassErrors"/> over the classes that have samples: every class weighs the same however rare,
    /// the metric of long-tailed recognition (Cao et al. 2019 report balanced validation error).
    /// </summary>
    public static double BalancedError(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) =>
        MeanOfPresent(ClassErrors(logProbabilities, labels, classes));

    /// <summary>Mean of the non-NaN entries (labels is non-empty, so at least one class is present).</summary>
    internal static double MeanOfPresent(double[] classErrors)
    {
        var sum = 0.0;
        var present = 0;
        foreach (var error in classErrors)
        {
            if (!double.IsNaN(error))
            {
                sum += error;
                present++;
            }
        }

        return sum / present;
    }
}
