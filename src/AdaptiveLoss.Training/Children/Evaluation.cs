namespace AdaptiveLoss.Training.Children;

/// <summary>
/// One evaluation of a model on a split: the experiment metric, the error and the largest |output| the guards watch
/// (docs/design.md §1.7). A task adds its own observation in a derived record (<see cref="ClassificationEvaluation"/>).
/// </summary>
internal record Evaluation(double Metric, double Error, double MaxAbsLogit)
{
    /// <summary>True when every number is finite (a NaN in the observation would poison the state history).</summary>
    public virtual bool IsFinite() => double.IsFinite(Metric) && double.IsFinite(Error) && double.IsFinite(MaxAbsLogit);
}

/// <summary>
/// A classification evaluation: <see cref="Evaluation"/>, the soft confusion C the state is built from (docs/design.md §1.2)
/// and, under pair credit, each class pair's share of the metric (docs/credit.md).
/// </summary>
internal sealed record ClassificationEvaluation(double Metric, double Error, double MaxAbsLogit, double[,] SoftConfusion,
    double[]? PairShares = null)
    : Evaluation(Metric, Error, MaxAbsLogit)
{
    /// <inheritdoc />
    public override bool IsFinite()
    {
        if (!base.IsFinite())
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
