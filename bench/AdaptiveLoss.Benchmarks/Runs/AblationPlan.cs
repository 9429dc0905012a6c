namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The ablations (docs/evidence.md) on a reduced budget (MLP, 10 epochs, 8 paired seeds): one option changed at a
/// time from the defaults (K 200, β 0.02, φ_max 0.2, diff, population, 8 children), plus cross-entropy as reference,
/// and two variants added after the effect runs' diagnosis (frozen policy, policy learning rate).
/// The "default" variant stands for K = 200, β = 0.02, φ_max = 0.2, diff, population and 8 children at once.
/// </summary>
/// <param name="Folder">Folder under the runs root (abl).</param>
/// <param name="Flags">Flags shared by every variant.</param>
/// <param name="Variants">The variants, reference first.</param>
/// <param name="Description">One line for the report.</param>
internal sealed record AblationPlan(string Folder, IReadOnlyList<string> Flags, IReadOnlyList<Arm> Variants, string Description)
{
    /// <summary>The reduced budget of the real ablations.</summary>
    public static AblationPlan Full { get; } = new(
        "abl", ["--model", "mlp", "--epochs", "10", "--seed", "1"],
        [
            Variant("ce", "cross-entropy (reference)", "--loss", "ce"),
            Variant("default", "ALA defaults: K 200, β 0.02, φ_max 0.2, diff, population, 8 children"),
            Variant("window50", "window K = 50", "--window", "50"),
            Variant("window100", "window K = 100", "--window", "100"),
            Variant("beta0.01", "β = 0.01", "--beta", "0.01"),
            Variant("beta0.05", "β = 0.05", "--beta", "0.05"),
            Variant("phimax0.1", "φ_max = 0.1", "--phi-max", "0.1"),
            Variant("phimax0.5", "φ_max = 0.5", "--phi-max", "0.5"),
            Variant("sign", "reward sign (Eq. 5)", "--reward", "sign"),
            Variant("ema", "baseline ema", "--baseline", "ema"),
            Children(1), Children(2), Children(4),
            // Beyond the list, from the diagnosis of the effect runs (docs/results.md, "Reward noise"): the
            // learning control on this budget, and a policy step 10× the default's (1e-3: ~21 Adam steps move a logit
            // by a few hundredths at most, so the policy cannot leave uniform whatever the signal).
            Variant("frozen", "policy frozen at its random initialisation (learning control)", "--freeze-policy"),
            Variant("policylr0.01", "policy learning rate 0.01 (10×)", "--policy-lr", "0.01"),
        ],
        "MLP, 10 epochs, 8 paired seeds unless the variant is the population size");

    /// <summary>CI: two variants on tiny data (pipeline check only): one option changed, and the population size pairing.</summary>
    public static AblationPlan Smoke { get; } = new(
        "abl", ["--model", "mlp", "--epochs", "1", "--seed", "1", "--train-limit", "600", "--validation-size", "200", "--window", "4"],
        [
            Variant("ce", "cross-entropy (reference)", "--loss", "ce", "--children", "2"),
            Variant("sign", "reward sign (Eq. 5)", "--reward", "sign", "--children", "2"),
            Children(1),
        ],
        "pipeline check only: MLP, 600 training images, 1 epoch, K = 4, 2 children");

    /// <summary>The reference variant every difference is taken against.</summary>
    public const string Reference = "ce";

    private static Arm Variant(string name, string description, params string[] flags) =>
        new(name, flags.Contains("--children") ? flags : [.. flags, "--children", "8"], description);

    private static Arm Children(int n) => new($"children{n}", ["--children", n.ToString()], $"{n} children (pairs with cross-entropy's first {n} seeds)");
}
