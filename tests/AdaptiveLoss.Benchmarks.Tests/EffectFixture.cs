namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// A hand-made short budget under RUNS/short: four paired children per arm with round numbers, paper missing.
/// ce 10 % everywhere; ala 11..14 % (Δ = 1, 2, 3, 4 pp); frozen 9..12 % (ala − frozen = 2 pp every seed).
/// ala's validation picks seed 2 (test 12 %), not the lowest test error (seed 1, 11 %).
/// </summary>
internal static class EffectFixture
{
    /// <summary>ala's rewards, rounds of four: positives 4, zeros 2, negatives 2, mean 0.625; round means 0.5 and 0.75.</summary>
    public static readonly double[] AlaRewards = [1, 0, -2, 3, 2, 2, -1, 0];

    /// <summary>ce's rewards: round 2 = [0, 0, 2, 2], within-round std 1 (round 1 is ignored by the spread).</summary>
    public static readonly double[] CeRewards = [5, -5, 0, 1, 0, 0, 2, 2];

    public static void Write(string runsRoot, bool withPaper = false)
    {
        var folder = Path.Combine(runsRoot, "short");
        FakeRuns.Write(Path.Combine(folder, "ce"), "cnn", 3, "ce", [0.10, 0.10, 0.10, 0.10], rewards: CeRewards);
        FakeRuns.Write(Path.Combine(folder, "ala"), "cnn", 3, "ala", [0.11, 0.12, 0.13, 0.14], validation: [0.2, 0.05, 0.3, 0.4], rewards: AlaRewards);
        FakeRuns.Write(Path.Combine(folder, "frozen"), "cnn", 3, "ala", [0.09, 0.10, 0.11, 0.12], policyVersion: 0);
        if (withPaper)
        {
            FakeRuns.Write(Path.Combine(folder, "paper"), "cnn", 3, "ala", [0.60, 0.62, 0.64, 0.66], rewards: [-1, -1, 1, 0]);
        }
    }

    /// <summary>Ablations under RUNS/abl: ce (4 seeds), default (4 seeds, each 1 pp better), children1 (seed 1 only); the rest missing.</summary>
    public static void WriteAblations(string runsRoot)
    {
        var folder = Path.Combine(runsRoot, "abl");
        FakeRuns.Write(Path.Combine(folder, "ce"), "mlp", 10, "ce", [0.12, 0.13, 0.14, 0.15]);
        FakeRuns.Write(Path.Combine(folder, "default"), "mlp", 10, "ala", [0.11, 0.12, 0.13, 0.14]);
        FakeRuns.Write(Path.Combine(folder, "children1"), "mlp", 10, "ala", [0.125]);
    }
}
