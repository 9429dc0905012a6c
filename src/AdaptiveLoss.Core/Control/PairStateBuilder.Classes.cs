namespace AdaptiveLoss.Core.Control;

/// <summary>
/// States of the per-class offset groups (<see cref="ClassOffsets"/>, a departure from the paper): the same 2H + 4
/// layout as a pair's, so the one shared policy serves both. For class c the two observed series are C_cc (how well
/// class c's own samples are fitted) and the mean over j ≠ c of C_jc (how far the other classes' samples stay from c),
/// each log1p-scaled, most recent first; then their relative changes, δ_c where a pair has Φ[i,j], and progress.
/// </summary>
public sealed partial class PairStateBuilder
{
    /// <summary>One row of features per class, class 0 first.</summary>
    public float[][] BuildClasses(ClassOffsets offsets, double progress)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Classes != _classes)
        {
            throw new ArgumentException($"δ has {offsets.Classes} classes, the state builder {_classes}", nameof(offsets));
        }

        var rows = new float[_classes][];
        for (var c = 0; c < _classes; c++)
        {
            var own = Own(c);
            var drawn = Drawn(c);
            var row = new float[FeatureCount];
            FillSeries(row, 0, own);
            FillSeries(row, _history, drawn);
            row[2 * _history] = (float)RelativeChange(own);
            row[(2 * _history) + 1] = (float)RelativeChange(drawn);
            row[(2 * _history) + 2] = (float)offsets[c];
            row[(2 * _history) + 3] = (float)progress;
            rows[c] = row;
        }

        return rows;
    }

    private Func<double[,], double> Own(int c) => observation => observation[c, c];

    private Func<double[,], double> Drawn(int c) => observation =>
    {
        var sum = 0.0;
        for (var j = 0; j < _classes; j++)
        {
            sum += j == c ? 0.0 : observation[j, c];
        }

        return sum / (_classes - 1);
    };

    private void FillSeries(float[] row, int offset, Func<double[,], double> value)
    {
        var newest = _observations.Count - 1;
        for (var k = 0; k <= newest; k++)
        {
            row[offset + k] = (float)double.LogP1(value(_observations[newest - k]));
        }
    }

    // As the pairs' relative change: (current − mean of the earlier observations)/(mean + ε), clipped; 0 without history.
    private double RelativeChange(Func<double[,], double> value)
    {
        var count = _observations.Count;
        if (count < 2)
        {
            return 0.0;
        }

        var sum = 0.0;
        for (var k = 0; k < count - 1; k++)
        {
            sum += value(_observations[k]);
        }

        var mean = sum / (count - 1);
        return Math.Clamp((value(_observations[count - 1]) - mean) / (mean + Epsilon), -RelativeChangeLimit, RelativeChangeLimit);
    }
}
