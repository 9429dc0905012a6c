namespace AdaptiveLoss.Core.Options;

/// <summary>The rules that tie settings to the task (docs/retrieval.md, "Options"): each metric and loss setting belongs to one task.</summary>
public static partial class ExperimentOptionsValidator
{
    /// <summary>Bound of <see cref="ExperimentOptions.EmbeddingDim"/>: the embedding head is a D-wide linear layer.</summary>
    public const int MaxEmbeddingDim = 4096;

    /// <summary>Bound of <see cref="ExperimentOptions.Bins"/>: 2B groups of one policy decision each.</summary>
    public const int MaxBins = 1000;

    /// <summary>True for the metrics of <see cref="TaskKind.Retrieval"/> (docs/retrieval.md, "Metrics").</summary>
    public static bool IsRetrievalMetric(MetricKind metric) =>
        metric is MetricKind.Recall1 or MetricKind.Recall2 or MetricKind.Recall4 or MetricKind.Recall8 or MetricKind.Nmi or MetricKind.Aucpr;

    /// <summary>True for the metrics of the classification tasks.</summary>
    public static bool IsClassificationMetric(MetricKind metric) =>
        metric is MetricKind.Error or MetricKind.F1 or MetricKind.Aucpr or MetricKind.BalancedError;

    private static void TaskMetricProblems(ExperimentOptions o, List<ValidationError> errors)
    {
        void Add(string setting, string problem, params string[] mentions) => errors.Add(new ValidationError(setting, problem, mentions));
        if (o.Task != TaskKind.Retrieval)
        {
            if (!IsClassificationMetric(o.Metric))
            {
                Add(nameof(o.Metric), "is a retrieval metric, for {0} retrieval only (classification takes error, f1, aucpr or balanced-error)", nameof(o.Task));
            }

            if (o.TrainClasses is not null)
            {
                Add(nameof(o.TrainClasses), "splits the classes for {0} retrieval only", nameof(o.Task));
            }

            return;
        }

        if (!IsRetrievalMetric(o.Metric))
        {
            Add(nameof(o.Metric), "is a classification metric; {0} retrieval takes recall@1, recall@2, recall@4, recall@8, nmi or aucpr", nameof(o.Task));
        }

        var classes = ClassesOf(o);
        // Two classes at least on each side: a margin loss needs negatives, NMI and Recall@K need two test classes.
        Check(o.TrainClasses is not { } train || (train >= 2 && train <= classes - 2), nameof(o.TrainClasses),
            $"must be in 2..{classes - 2} (got {o.TrainClasses}): two classes at least train and two are tested");
        Check(o.EmbeddingDim is >= 2 and <= MaxEmbeddingDim, nameof(o.EmbeddingDim), Range(o.EmbeddingDim, 2, MaxEmbeddingDim));
        Check(o.Bins is >= 1 and <= MaxBins, nameof(o.Bins), Range(o.Bins, 1, MaxBins));
        Check(o.Loss is LossMode.Ala or LossMode.Fixed, nameof(o.Loss),
            "must be ala or fixed (the margin loss with every bin weight at 1) for {0} retrieval", nameof(o.Task));
        // Classification's settings have no meaning on distance bins: refused rather than silently ignored.
        Check(o.Credit == CreditKind.Global, nameof(o.Credit), "pair is for classification only (a class pair's share of the metric); {0} retrieval takes global", nameof(o.Task));
        Check(!o.ClassOffsets, nameof(o.ClassOffsets), "is for classification only, not {0} retrieval", nameof(o.Task));
        Check(o.PhiGroups == PhiGroupKind.Pairs, nameof(o.PhiGroups), "is for classification only, not {0} retrieval", nameof(o.Task));
        Check(o.Phi is null, nameof(o.Phi), "is a class-pair matrix, for classification only, not {0} retrieval", nameof(o.Task));
        Check(o.LossForm == LossForm.Pairwise, nameof(o.LossForm), "is for classification only, not {0} retrieval", nameof(o.Task));
        Check(o.Imbalance is null && o.LabelNoise is null, o.Imbalance is null ? nameof(o.LabelNoise) : nameof(o.Imbalance),
            "is for classification only, not {0} retrieval", nameof(o.Task));

        void Check(bool ok, string setting, string problem, params string[] mentions)
        {
            if (!ok)
            {
                Add(setting, problem, mentions);
            }
        }
    }
}
