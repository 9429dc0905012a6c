namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The transfer plans by task (<c>./bench.sh transfer --task clean|pairflip</c>) and the credit design passed through
/// to their ALA runs (<c>--design "FLAGS"</c>), checked before anything starts (docs/policy-snapshots.md).
/// </summary>
internal static class TransferPlans
{
    /// <summary>Learn and apply on clean Fashion-MNIST (the default; its archived results stay reproducible).</summary>
    public const string Clean = "clean";

    /// <summary>Learn on pair-flip noise, apply to the same noise, other pairs and a long tail.</summary>
    public const string PairFlip = "pairflip";

    /// <summary>The values of <c>--task</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [Clean, PairFlip];

    // Flags the plan, its tasks and its arms set themselves (or the runner does): a design may not change them, or
    // the arms would stop pairing by seed or the learned policy would not be the one applied.
    private static readonly string[] Reserved = ["--loss", "--policy", "--freeze-policy", "--state", "--out", "--experiment-id"];

    /// <summary>The plan of <paramref name="task"/> with <paramref name="design"/> (whitespace-separated flags, or null).</summary>
    /// <exception cref="BenchUsageException">An unknown task, or a design flag the plan sets itself.</exception>
    public static TransferPlan For(string task, bool smoke, string? design)
    {
        var plan = task switch
        {
            Clean => smoke ? TransferPlan.Smoke : TransferPlan.Full,
            PairFlip => smoke ? TransferPlan.PairFlipSmoke : TransferPlan.PairFlip,
            _ => throw new BenchUsageException($"--task must be one of {string.Join(", ", Names)}, got '{task}'"),
        };
        return plan with { Design = Design(plan, design) };
    }

    /// <summary>
    /// <paramref name="text"/> split on whitespace: flags that start with "--", each followed by at most one value, none
    /// of them set by <paramref name="plan"/>, its tasks or its arms, none twice.
    /// </summary>
    public static IReadOnlyList<string> Design(TransferPlan plan, string? text)
    {
        var flags = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (flags.Length > 0 && !flags[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new BenchUsageException($"--design must be ala run flags such as \"--phi-groups all\", got '{text}'");
        }

        var taken = plan.LearnFlags.Concat(plan.ApplyFlags).Concat(plan.Tasks.SelectMany(t => t.Flags)).Concat(Reserved)
            .Where(f => f.StartsWith("--", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in flags.Where(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            if (taken.Contains(flag))
            {
                throw new BenchUsageException($"--design: {flag} is set by the transfer plan itself and cannot be changed");
            }

            if (!seen.Add(flag))
            {
                throw new BenchUsageException($"--design: {flag} is given twice");
            }
        }

        return flags;
    }
}
