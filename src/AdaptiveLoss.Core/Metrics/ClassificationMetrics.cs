using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Metrics;

/// <summary>
/// Metrics of a classifier from its per-sample log-probabilities (n×C row-major floats, as copied off a tensor) and
/// labels. All are fractions in [0, 1]. Every metric is O(n·C) except AUCPR, O(C·n log n); they run on the validation
/// split several times per window, so the loops avoid LINQ and per-sample allocations.
/// </summary>
public static partial class ClassificationMetrics
{
    private const int MaxStackClasses = 1024;

    /// <summary>Fraction of samples whose arg-max class (lowest index on ties) differs from the label.</summary>
    public static double Error(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        Validate(logProbabilities, labels, classes);
        var wrong = 0;
        for (var k = 0; k < labels.Length; k++)
        {
            if (ArgMax(logProbabilities.Slice(k * classes, classes)) != labels[k])
            {
                wrong++;
            }
        }

        return (double)wrong / labels.Length;
    }

    /// <summary>Macro-F1 over all C classes; a class with no true and no predicted samples scores 0 (and still counts).</summary>
    public static double MacroF1(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        Validate(logProbabilities, labels, classes);
        Span<int> truePositives = classes <= MaxStackClasses ? stackalloc int[classes] : new int[classes];
        Span<int> predicted = classes <= MaxStackClasses ? stackalloc int[classes] : new int[classes];
        Span<int> actual = classes <= MaxStackClasses ? stackalloc int[classes] : new int[classes];
        for (var k = 0; k < labels.Length; k++)
        {
            var prediction = ArgMax(logProbabilities.Slice(k * classes, classes));
            predicted[prediction]++;
            actual[labels[k]]++;
            if (prediction == labels[k])
            {
                truePositives[prediction]++;
            }
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            // F1 = 2TP / (2TP + FP + FN), and 2TP + FP + FN = predicted + actual.
            var denominator = predicted[c] + actual[c];
            sum += denominator == 0 ? 0.0 : 2.0 * truePositives[c] / denominator;
        }

        return sum / classes;
    }

    /// <summary>
    /// Mean over classes of one-vs-rest average precision (area under the PR curve, step interpolation; tied scores
    /// form one threshold). A class with no positives is skipped; 0 when no class has positives.
    /// </summary>
    public static double MeanAveragePrecision(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        Validate(logProbabilities, labels, classes);
        var n = labels.Length;
        var keys = new float[n];
        var positive = new bool[n];
        var sum = 0.0;
        var scored = 0;
        for (var c = 0; c < classes; c++)
        {
            var positives = 0;
            for (var k = 0; k < n; k++)
            {
                // Sort by −log p_c ascending = p_c descending: exp is monotone, so the order and the ties are
                // those of p = exp(log p), without the artificial ties of exp underflowing to 0.
                keys[k] = -logProbabilities[(k * classes) + c];
                positive[k] = labels[k] == c;
                positives += positive[k] ? 1 : 0;
            }

            if (positives == 0)
            {
                continue;
            }

            Array.Sort(keys, positive);
            sum += AveragePrecision(keys, positive, positives);
            scored++;
        }

        return scored == 0 ? 0.0 : sum / scored;
    }

    /// <summary>Soft confusion C (docs/design.md §1.2): C[i, j] = mean over samples of true class i of −log p_j(x); rows of absent classes are 0.</summary>
    public static double[,] SoftConfusion(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        Validate(logProbabilities, labels, classes);
        var confusion = new double[classes, classes];
        Span<int> counts = classes <= MaxStackClasses ? stackalloc int[classes] : new int[classes];
        for (var k = 0; k < labels.Length; k++)
        {
            var i = labels[k];
            counts[i]++;
            var row = logProbabilities.Slice(k * classes, classes);
            for (var j = 0; j < classes; j++)
            {
                confusion[i, j] -= row[j];
            }
        }

        for (var i = 0; i < classes; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            for (var j = 0; j < classes; j++)
            {
                confusion[i, j] /= counts[i];
            }
        }

        return confusion;
    }

    /// <summary>The value of <paramref name="metric"/>.</summary>
    public static double Evaluate(MetricKind metric, ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes) => metric switch
    {
        MetricKind.Error => Error(logProbabilities, labels, classes),
        MetricKind.F1 => MacroF1(logProbabilities, labels, classes),
        MetricKind.Aucpr => MeanAveragePrecision(logProbabilities, labels, classes),
        MetricKind.BalancedError => BalancedError(logProbabilities, labels, classes),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>Error and balanced error are lower-is-better; F1 and AUCPR higher-is-better.</summary>
    public static MetricDirection Direction(MetricKind metric) =>
        metric is MetricKind.Error or MetricKind.BalancedError ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter;

    // AP = Σ over thresholds (R_k − R_{k−1})·P_k, one threshold per group of equal keys (keys sorted ascending).
    private static double AveragePrecision(float[] keys, bool[] positive, int positives)
    {
        var truePositives = 0;
        var previousRecall = 0.0;
        var ap = 0.0;
        var k = 0;
        while (k < keys.Length)
        {
            // Element k opens the group (so a NaN key, equal to nothing, is its own threshold); equal keys join it.
            truePositives += positive[k] ? 1 : 0;
            var end = k + 1;
            while (end < keys.Length && keys[end] == keys[k])
            {
                truePositives += positive[end] ? 1 : 0;
                end++;
            }

            // Precision at this threshold = TP / (everything ranked at or above it).
            var recall = (double)truePositives / positives;
            ap += (recall - previousRecall) * truePositives / end;
            previousRecall = recall;
            k = end;
        }

        return ap;
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var j = 1; j < row.Length; j++)
        {
            // Strictly greater: the lowest index wins a tie.
            if (row[j] > row[best])
            {
                best = j;
            }
        }

        return best;
    }

    private static void Validate(ReadOnlySpan<float> logProbabilities, ReadOnlySpan<int> labels, int classes)
    {
        if (classes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "need at least one class");
        }

        if (labels.Length == 0)
        {
            throw new ArgumentException("no samples: labels is empty", nameof(labels));
        }

        if (logProbabilities.Length != labels.Length * classes)
        {
            throw new ArgumentException(
                $"log-probabilities have {logProbabilities.Length} values, expected {labels.Length} samples × {classes} classes = {labels.Length * classes}",
                nameof(logProbabilities));
        }

        for (var k = 0; k < labels.Length; k++)
        {
            if ((uint)labels[k] >= (uint)classes)
            {
                throw new ArgumentException($"label {labels[k]} of sample {k} is outside [0, {classes})", nameof(labels));
            }
        }
    }
}
