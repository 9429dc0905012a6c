using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;

namespace AdaptiveLoss.Core.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Error_ArgMaxTie_LowestIndexWins()
    {
        var logp = LogOf(
            [0.4, 0.4, 0.2],   // label 1: tie → predicts 0, wrong
            [0.4, 0.4, 0.2],   // label 0: tie → predicts 0, right
            [0.1, 0.2, 0.7],   // label 2: right
            [0.1, 0.6, 0.3]);  // label 2: predicts 1, wrong

        Assert.Equal(0.5, ClassificationMetrics.Error(logp, [1, 0, 2, 2], 3));
    }

    [Fact]
    public void MacroF1_NeverPredictedAndAbsentClasses_CountAsZero()
    {
        // label → prediction: 0→0, 0→1, 1→1, 2→0, 2→1; class 2 is never predicted, class 3 never occurs.
        var logp = LogOf(
            [0.7, 0.1, 0.1, 0.1],
            [0.1, 0.7, 0.1, 0.1],
            [0.1, 0.7, 0.1, 0.1],
            [0.7, 0.1, 0.1, 0.1],
            [0.1, 0.7, 0.1, 0.1]);

        var f1 = ClassificationMetrics.MacroF1(logp, [0, 0, 1, 2, 2], 4);

        // F1: class 0 = 2·1/(2+1+1) = 0.5; class 1 = 2·1/(2+2+0) = 0.5; class 2 = 0; class 3 = 0 (no samples).
        Assert.Equal(0.25, f1, 14);
    }

    [Fact]
    public void MacroF1_PerfectPredictions_IsOne()
    {
        var logp = LogOf([0.9, 0.1], [0.2, 0.8]);

        Assert.Equal(1.0, ClassificationMetrics.MacroF1(logp, [0, 1], 2));
    }

    [Fact]
    public void MeanAveragePrecision_TiedScores_OneThresholdAndClassWithoutPositivesSkipped()
    {
        // Scores need not sum to 1 here: AP only ranks them per class.
        var logp = LogOf(
            [0.9, 0.1, 0.5],   // label 0
            [0.6, 0.2, 0.5],   // label 0
            [0.6, 0.8, 0.5],   // label 1
            [0.6, 0.3, 0.5],   // label 0
            [0.2, 0.3, 0.5],   // label 1
            [0.1, 0.5, 0.5]);  // label 0
        int[] labels = [0, 0, 1, 0, 1, 0];

        var map = ClassificationMetrics.MeanAveragePrecision(logp, labels, 3);

        // Class 0 (4 positives): thresholds 0.9 → R 1/4, P 1; 0.6 (+,−,+ tied) → R 3/4, P 3/4; 0.2 → no recall;
        // 0.1 → R 1, P 4/6. AP = 1/4 + (1/2)(3/4) + (1/4)(2/3) = 19/24. Ranking the tie in any order gives another value.
        // Class 1 (2 positives): 0.8 → R 1/2, P 1; 0.5 → 0; 0.3 (−,+ tied) → R 1, P 2/4. AP = 1/2 + 1/4 = 3/4.
        // Class 2 has no positives and is skipped.
        Assert.Equal(((19.0 / 24) + (3.0 / 4)) / 2, map, 12);
    }

    [Fact]
    public void MeanAveragePrecision_AllScoresTied_IsPrevalence()
    {
        var logp = LogOf([0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]);

        // One threshold: R 1 at P = positives/n, for both classes (1/4 and 3/4).
        Assert.Equal(0.5, ClassificationMetrics.MeanAveragePrecision(logp, [0, 1, 1, 1], 2), 14);
    }

    [Fact]
    public void SoftConfusion_HandMade_MeanNegativeLogProbPerTrueClassAbsentRowZero()
    {
        float[] logp =
        [
            -0.1f, -2.0f, -4.0f,   // label 0
            -0.5f, -1.0f, -6.0f,   // label 0
            -3.0f, -0.05f, -7.0f,  // label 1
        ];

        var c = ClassificationMetrics.SoftConfusion(logp, [0, 0, 1], 3);

        Assert.Equal(0.3, c[0, 0], 6);
        Assert.Equal(1.5, c[0, 1], 6);
        Assert.Equal(5.0, c[0, 2], 6);
        Assert.Equal(3.0, c[1, 0], 6);
        Assert.Equal(0.05, c[1, 1], 6);
        Assert.Equal(7.0, c[1, 2], 6);
        Assert.Equal(0.0, c[2, 0]);
        Assert.Equal(0.0, c[2, 2]);
    }

    [Fact]
    public void Evaluate_EachMetric_DispatchesAndDirectionMatches()
    {
        var logp = LogOf([0.9, 0.1], [0.8, 0.2]);
        int[] labels = [0, 1];

        Assert.Equal(0.5, ClassificationMetrics.Evaluate(MetricKind.Error, logp, labels, 2));
        Assert.Equal(ClassificationMetrics.MacroF1(logp, labels, 2), ClassificationMetrics.Evaluate(MetricKind.F1, logp, labels, 2));
        Assert.Equal(ClassificationMetrics.MeanAveragePrecision(logp, labels, 2), ClassificationMetrics.Evaluate(MetricKind.Aucpr, logp, labels, 2));
        Assert.Equal(MetricDirection.LowerIsBetter, ClassificationMetrics.Direction(MetricKind.Error));
        Assert.Equal(MetricDirection.HigherIsBetter, ClassificationMetrics.Direction(MetricKind.F1));
        Assert.Equal(MetricDirection.HigherIsBetter, ClassificationMetrics.Direction(MetricKind.Aucpr));
    }

    [Fact]
    public void Error_WrongLength_ThrowsNamingSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Error(new float[5], [0, 1], 3));

        Assert.Contains("expected 2 samples × 3 classes = 6", error.Message);
    }

    [Fact]
    public void SoftConfusion_LabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.SoftConfusion(new float[4], [0, 2], 2));
    }

    [Fact]
    public void MacroF1_NoSamples_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.MacroF1([], [], 2));
    }

    private static float[] LogOf(params double[][] rows)
    {
        var result = new float[rows.Length * rows[0].Length];
        for (var k = 0; k < rows.Length; k++)
        {
            for (var c = 0; c < rows[k].Length; c++)
            {
                result[(k * rows[k].Length) + c] = (float)Math.Log(rows[k][c]);
            }
        }

        return result;
    }
}
