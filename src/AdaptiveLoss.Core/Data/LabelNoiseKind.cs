namespace AdaptiveLoss.Core.Data;

/// <summary>How noisy labels are drawn from clean ones.</summary>
public enum LabelNoiseKind
{
    /// <summary>A listed class flips to its partner with probability η; other classes never flip.</summary>
    PairFlip,
    /// <summary>Every class flips with probability η to a uniformly drawn other class.</summary>
    Symmetric,
}
