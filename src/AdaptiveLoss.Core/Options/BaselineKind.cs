namespace AdaptiveLoss.Core.Options;

/// <summary>The REINFORCE baseline b in (r − b)·∇log π (docs/design.md §1.4).</summary>
public enum BaselineKind
{
    /// <summary>Mean reward of the children in the same round; cancels the common training trend. The default.</summary>
    Population,
    /// <summary>Exponential moving average of past rewards (decay 0.9), paper-style.</summary>
    Ema,
}
