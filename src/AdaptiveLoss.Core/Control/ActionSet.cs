namespace AdaptiveLoss.Core.Control;

/// <summary>The per-group action set {−β, 0, +β} (docs/design.md §1.3); the policy outputs a distribution over these three indices.</summary>
public static class ActionSet
{
    /// <summary>Number of actions per group.</summary>
    public const int Count = 3;

    /// <summary>Index of −β.</summary>
    public const int Decrease = 0;

    /// <summary>Index of 0 (leave the entry as it is).</summary>
    public const int Keep = 1;

    /// <summary>Index of +β.</summary>
    public const int Increase = 2;

    /// <summary>The signed step of action <paramref name="index"/>: −β, 0 or +β.</summary>
    public static double Delta(int index, double beta) => index switch
    {
        Decrease => -beta,
        Keep => 0.0,
        Increase => beta,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "action index must be 0, 1 or 2"),
    };
}
