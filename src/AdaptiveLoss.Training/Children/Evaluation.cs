namespace AdaptiveLoss.Training.Children;

/// <summary>One evaluation of a model on a split: the experiment metric, the error, the soft confusion C and the largest |logit|.</summary>
internal sealed record Evaluation(double Metric, double Error, double[,] SoftConfusion, double MaxAbsLogit)
{
    /// <summary>True when every number is finite (a NaN in C would poison the state history).</summary>
    public bool IsFinite()
    {
        if (!double.IsFinite(Metric) || !double.IsFinite(Error) || !double.IsFinite(MaxAbsLogit))
        {
            return false;
        }

        foreach (var c in SoftConfusion)
        {
            if (!double.IsFinite(c))
            {
                return false;
            }
        }

        return true;
    }
}
