namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>A budget of the effect benchmark: the flags every arm shares.</summary>
/// <param name="Name">short, long or smoke; also the folder under the runs root and the JSON's name (effect-NAME.json).</param>
/// <param name="Flags">Flags of <c>ala run</c> shared by every arm (model, epochs, children, seed, data).</param>
/// <param name="Description">One line for the report.</param>
/// <param name="IsEvidence">False for the smoke budget: it checks the pipeline and says nothing about the method.</param>
internal sealed record EffectBudget(string Name, IReadOnlyList<string> Flags, string Description, bool IsEvidence)
{
    /// <summary>The short budget (docs/evidence.md): the default run's budget (small CNN, 3 epochs = 6 rounds of K = 200).</summary>
    public static EffectBudget Short { get; } = new(
        "short", ["--children", "8", "--epochs", "3", "--seed", "1"],
        "small CNN, 3 epochs (the default run's budget, about 6 policy rounds), 8 paired seeds", IsEvidence: true);

    /// <summary>The long budget (docs/evidence.md): at least 60 controller rounds; the MLP makes 30 epochs (65 windows) fit.</summary>
    public static EffectBudget Long { get; } = new(
        "long", ["--model", "mlp", "--children", "8", "--epochs", "30", "--seed", "1"],
        "MLP, 30 epochs (65 windows of K = 200, at least 60 policy rounds), 8 paired seeds", IsEvidence: true);

    /// <summary>CI: a tiny run of every arm that keeps the pipeline working (not evidence).</summary>
    public static EffectBudget Smoke { get; } = new(
        "smoke", ["--model", "mlp", "--children", "2", "--epochs", "1", "--seed", "1", "--train-limit", "600", "--validation-size", "200", "--window", "4"],
        "pipeline check only: MLP, 600 training images, 1 epoch, K = 4, 2 children", IsEvidence: false);

    /// <summary>The budgets in report order.</summary>
    public static IReadOnlyList<EffectBudget> All { get; } = [Short, Long, Smoke];

    /// <summary>The budget called <paramref name="name"/>, or null.</summary>
    public static EffectBudget? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
