namespace AdaptiveLoss.Core.Options;

/// <summary>How the validation split is carved from the end of the training file, before any training-split transform.</summary>
public enum ValidationSplitKind
{
    /// <summary><see cref="Balanced"/> when a transform (imbalance, label noise) is asked for, else <see cref="Tail"/>.</summary>
    Auto,
    /// <summary>The last N images of the training file, whatever their classes (the historic carve).</summary>
    Tail,
    /// <summary>The last N/C images of every class: a clean, class-balanced split for mismatch tasks.</summary>
    Balanced,
}
