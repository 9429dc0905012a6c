namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The arms of the mismatch benchmark, fixed before running: one line each, cheapest first (the static losses, then
/// ALA). Each names the task families it runs on. Every arm of a task shares its seeds, so child i of every arm has
/// seed S + i: the same initialisation and data order.
/// </summary>
internal static class MismatchArms
{
    /// <summary>Cross-entropy, the reference; its early-stopped and post-hoc views are the derived arms.</summary>
    public const string CrossEntropy = "ce";

    /// <summary>ALA with the defaults (learning policy).</summary>
    public const string Ala = "ala";

    /// <summary>The policy frozen at its random initialisation while Φ still moves (the learning control).</summary>
    public const string Frozen = "frozen";

    /// <summary>ALA with per-class logit offsets (<c>--class-offsets</c>).</summary>
    public const string AlaOffsets = "ala-offsets";

    /// <summary>Its learning control: the same with the policy frozen.</summary>
    public const string FrozenOffsets = "frozen-offsets";

    /// <summary>ALA with one decision for every pair (<c>--phi-groups all</c>).</summary>
    public const string AlaAll = "ala-all";

    /// <summary>Its learning control: the same with the policy frozen.</summary>
    public const string FrozenAll = "frozen-all";

    /// <summary>ALA with a difference reward per class pair (<c>--credit pair</c>); its control is <see cref="Frozen"/>.</summary>
    public const string AlaPair = "ala-pair";

    /// <summary>ALA with a two-window horizon: the action held for 2 × 200 iterations (<c>--window 400 --beta 0.04</c>).</summary>
    public const string AlaHorizon = "ala-h2";

    /// <summary>Its learning control: the same windows and step with the policy frozen.</summary>
    public const string FrozenHorizon = "frozen-h2";

    /// <summary>ALA with sibling rounds: two antithetic siblings per window on common batches (<c>--siblings 2 --antithetic</c>).</summary>
    public const string AlaSiblings = "ala-sib";

    /// <summary><see cref="AlaSiblings"/> with a policy step of 0.03 (the step that let the coarse action learn, docs/mismatch.md).</summary>
    public const string AlaSiblingsStep = "ala-sib-lr0.03";

    /// <summary>The learning control of both: the same siblings and exploit with the policy frozen.</summary>
    public const string FrozenSiblings = "frozen-sib";

    /// <summary>Cross-entropy over twice the epochs: the compute of a sibling arm (2 siblings × 10 epochs per child).</summary>
    public const string CrossEntropyTwice = "ce-20ep";

    private const TaskFamily CleanOrNoise = TaskFamily.Clean | TaskFamily.Noise;

    /// <summary>Every arm in run order.</summary>
    public static IReadOnlyList<MismatchArm> All { get; } =
    [
        new(CrossEntropy, ArmKind.Reference, TaskFamily.All, "cross-entropy", ["--loss", "ce"]),
        new("ls0.1", ArmKind.Static, CleanOrNoise, "label smoothing 0.1", ["--loss", "label-smoothing", "--smoothing", "0.1"]),
        new("ls0.2", ArmKind.Static, CleanOrNoise, "label smoothing 0.2", ["--loss", "label-smoothing", "--smoothing", "0.2"]),
        new("focal2", ArmKind.Static, TaskFamily.Clean | TaskFamily.LongTail, "focal loss, γ 2", ["--loss", "focal", "--focal-gamma", "2"]),
        new("cb0.999", ArmKind.Static, TaskFamily.LongTail, "class-balanced loss, β 0.999", ["--loss", "class-balanced", "--cb-beta", "0.999"]),
        new("la1", ArmKind.Static, TaskFamily.LongTail, "logit-adjusted loss, τ 1", ["--loss", "logit-adjusted", "--tau", "1"]),
        new("forward", ArmKind.Oracle, TaskFamily.Noise, "forward correction (oracle: knows the true noise matrix)", ["--loss", "forward"]),
        new("phi-all0.1", ArmKind.Static, TaskFamily.All, "static Φ: every off-diagonal entry +0.1", [], new PhiShift(0.1, 0)),
        new("phi-all0.2", ArmKind.Static, TaskFamily.Noise, "static Φ: every off-diagonal entry +0.2", [], new PhiShift(0.2, 0)),
        new("phi-flip-neg0.2", ArmKind.Static, TaskFamily.PairFlip, "static Φ: −0.2 on the flipped pairs 0-6, 2-4, 5-7", [], new PhiShift(0, -0.2)),
        new("phi-flip-pos0.2", ArmKind.Static, TaskFamily.PairFlip, "static Φ: +0.2 on the flipped pairs 0-6, 2-4, 5-7", [], new PhiShift(0, 0.2)),
        new(Ala, ArmKind.Ala, TaskFamily.All, "ALA, defaults (learning policy)", [], Control: Frozen),
        new(Frozen, ArmKind.Frozen, TaskFamily.All, "ALA, policy frozen at its random initialisation (Φ still moves)", ["--freeze-policy"]),
        // Pair credit (docs/credit.md): a frozen policy never reads a reward, so the frozen arm is its control as it is.
        new(AlaPair, ArmKind.Ala, TaskFamily.All, "ALA with a difference reward per class pair (credit design)", ["--credit", "pair"], Control: Frozen),
        // A longer horizon (docs/credit.md): a decision held for two windows of the default is one window of 400
        // iterations whose step is two default steps, so the reward measures two windows' worth of its effect.
        new(AlaHorizon, ArmKind.Ala, TaskFamily.All, "ALA with a two-window horizon (credit design)", ["--window", "400", "--beta", "0.04"],
            Control: FrozenHorizon),
        new(FrozenHorizon, ArmKind.Frozen, TaskFamily.All, "ALA with a two-window horizon, policy frozen", ["--window", "400", "--beta", "0.04", "--freeze-policy"]),
        // Sibling rounds (docs/credit.md): both siblings of a window start from one state and draw the same batches, the
        // second mirrors the first's actions, and the child continues from the better; its control keeps all of that and
        // freezes the policy, so the difference is what learning adds to the siblings' random search.
        new(AlaSiblings, ArmKind.Ala, TaskFamily.All, "ALA with sibling rounds: 2 antithetic siblings on common batches (credit design)",
            ["--siblings", "2", "--antithetic"], Control: FrozenSiblings),
        new(AlaSiblingsStep, ArmKind.Ala, TaskFamily.All, "ALA with sibling rounds and a policy step of 0.03 (credit design)",
            ["--siblings", "2", "--antithetic", "--policy-lr", "0.03"], Control: FrozenSiblings),
        new(FrozenSiblings, ArmKind.Frozen, TaskFamily.All, "ALA with sibling rounds, policy frozen (siblings and exploit still run)",
            ["--siblings", "2", "--antithetic", "--freeze-policy"]),
        new(CrossEntropyTwice, ArmKind.Static, TaskFamily.All, "cross-entropy, 20 epochs (a sibling arm's compute)", ["--loss", "ce", "--epochs", "20"]),
        // The departure of docs/mismatch.md: per-class logit offsets beside Φ, where only a per-class term can help.
        new(AlaOffsets, ArmKind.Ala, TaskFamily.LongTail, "ALA with class offsets δ (a departure: can express logit adjustment)", ["--class-offsets"],
            Control: FrozenOffsets),
        new(FrozenOffsets, ArmKind.Frozen, TaskFamily.LongTail, "ALA with class offsets, policy frozen (Φ and δ still move)", ["--class-offsets", "--freeze-policy"]),
        // The coarser action of docs/mismatch.md: one decision moves every off-diagonal entry (docs/noise-floor.md: the
        // action whose effect clears the reward noise), on the label-noise tasks where raising all entries helps.
        new(AlaAll, ArmKind.Ala, TaskFamily.Noise, "ALA with one decision for all pairs (a departure: coarser actions)", ["--phi-groups", "all"],
            Control: FrozenAll),
        new(FrozenAll, ArmKind.Frozen, TaskFamily.Noise, "ALA with one decision for all pairs, policy frozen (Φ still moves)", ["--phi-groups", "all", "--freeze-policy"]),
    ];

    /// <summary>The arm called <paramref name="name"/>, or null.</summary>
    public static MismatchArm? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
