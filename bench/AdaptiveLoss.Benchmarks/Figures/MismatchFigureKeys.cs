namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>The figures of a mismatch task, in report order; every one is always in the task's list (drawn or with a note).</summary>
internal static class MismatchFigureKeys
{
    /// <summary>Headline test metric per row with 95 % intervals, at the end and at the best-validation window.</summary>
    public const string Bars = "Headline test metric per arm, mean over children with 95 % t-intervals";

    /// <summary>The final Φ of ALA's best-by-validation child.</summary>
    public const string AlaPhi = "Φ learned by ALA (best child by validation)";

    /// <summary>The static Φ of the sweep with the best validation metric.</summary>
    public const string BestStaticPhi = "Best static Φ of the sweep (by validation)";

    /// <summary>The titles in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Bars, AlaPhi, BestStaticPhi];
}
