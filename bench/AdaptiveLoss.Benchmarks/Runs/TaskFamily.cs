namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// What kind of train/evaluation mismatch a task has; an arm lists the families it is run on, so that a baseline made
/// for one kind (e.g. class-balanced loss for long tails) is not spent on the others.
/// </summary>
[Flags]
internal enum TaskFamily
{
    /// <summary>No family (an arm with it runs nowhere).</summary>
    None = 0,

    /// <summary>Balanced classes, clean labels: the training loss and the metric agree.</summary>
    Clean = 1,

    /// <summary>Long-tailed training classes, balanced error as the metric.</summary>
    LongTail = 2,

    /// <summary>Noisy training labels, clean validation and test labels.</summary>
    Noise = 4,

    /// <summary>Pair-flip noise: the flipped class pairs are known, so a Φ can target them.</summary>
    PairFlip = 8,

    /// <summary>Every task.</summary>
    All = Clean | LongTail | Noise | PairFlip,
}
