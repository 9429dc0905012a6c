namespace AdaptiveLoss.Core.Options;

/// <summary>The evaluation metric that the reward is computed from (docs/design.md §1.5).</summary>
public enum MetricKind
{
    /// <summary>Classification error, lower is better. The default.</summary>
    Error,
    /// <summary>Macro-averaged F1, higher is better.</summary>
    F1,
    /// <summary>Mean one-vs-rest area under the precision-recall curve (average precision), higher is better.</summary>
    Aucpr,
    /// <summary>Mean per-class error (one minus balanced accuracy), lower is better.</summary>
    BalancedError,
}
