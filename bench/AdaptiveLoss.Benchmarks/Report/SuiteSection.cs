namespace AdaptiveLoss.Benchmarks.Report;

/// <summary>
/// A section of docs/results.md that another suite fills from its JSON in the results folder (a
/// <see cref="TableDocument"/>). Until the file exists, the section says which command produces it.
/// </summary>
/// <param name="Heading">Section heading.</param>
/// <param name="FileName">JSON file in the results folder.</param>
/// <param name="Command">The command that writes it.</param>
internal sealed record SuiteSection(string Heading, string FileName, string Command)
{
    /// <summary>The sections of the cost, peer, noise-floor and retrieval suites (docs/evidence.md, docs/retrieval.md), in report order.</summary>
    public static IReadOnlyList<SuiteSection> All { get; } =
    [
        new("What it costs", "costs.json", "./bench.sh costs"),
        new("A cluster under load", "cluster.json", "./bench.sh cluster"),
        new("A peer: PyTorch", "peer.json", "./bench.sh peer"),
        new("Reward noise floor", "noise-floor.json", "./bench.sh noise-floor"),
        new("Reward noise floor over longer horizons", "noise-floor-horizon.json", "./bench.sh noise-floor --horizon 4 --all-pairs"),
        new("Metric learning (retrieval)", "retrieval.json", "./bench.sh retrieval"),
    ];
}
