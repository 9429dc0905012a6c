namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>The role of an arm of the mismatch benchmark, as the report names it.</summary>
internal static class ArmKind
{
    /// <summary>Cross-entropy: every Δ vs CE is taken against it.</summary>
    public const string Reference = "reference";

    /// <summary>A fixed loss with its hyper-parameter held: a candidate for the best static baseline.</summary>
    public const string Static = "static";

    /// <summary>Uses knowledge no other arm has (the true noise matrix): reported, never a candidate.</summary>
    public const string Oracle = "oracle";

    /// <summary>ALA with a learning policy.</summary>
    public const string Ala = "ala";

    /// <summary>ALA with the policy frozen at its random initialisation (the learning control).</summary>
    public const string Frozen = "frozen";

    /// <summary>Another view of an arm's run (early stopping, post-hoc adjustment): costs no run.</summary>
    public const string Derived = "derived";
}
