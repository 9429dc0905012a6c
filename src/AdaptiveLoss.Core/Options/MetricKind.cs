namespace AdaptiveLoss.Core.Options;

/// <summary>The evaluation metric that the reward is computed from (docs/design.md §1.5).</summary>
public enum MetricKind
{
    /// <summary>Classification error, lower is better. The default.</summary>
    Error,
    /// <summary>Macro-averaged F1, higher is better.</summary>
    F1,
    /// <summary>
    /// Mean one-vs-rest area under the precision-recall curve (average precision), higher is better; for retrieval the
    /// pair-verification AUCPR (−distance as the score of "same class", over every pair).
    /// </summary>
    Aucpr,
    /// <summary>Mean per-class error (one minus balanced accuracy), lower is better.</summary>
    BalancedError,
    /// <summary>Retrieval: Recall@1, the share of queries whose nearest neighbour has their class (docs/retrieval.md), higher is better.</summary>
    Recall1,
    /// <summary>Retrieval: Recall@2, higher is better.</summary>
    Recall2,
    /// <summary>Retrieval: Recall@4, higher is better.</summary>
    Recall4,
    /// <summary>Retrieval: Recall@8, higher is better.</summary>
    Recall8,
    /// <summary>Retrieval: normalised mutual information of a k-means clustering of the embeddings with the classes, higher is better.</summary>
    Nmi,
}
