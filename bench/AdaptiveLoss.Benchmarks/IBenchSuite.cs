namespace AdaptiveLoss.Benchmarks;

/// <summary>
/// One benchmark suite, started as <c>./bench.sh NAME [flags]</c>. A suite writes its JSON into
/// <see cref="BenchContext.ResultsDirectory"/>; the app regenerates the markdown report from that folder afterwards.
/// </summary>
internal interface IBenchSuite
{
    /// <summary>The command name.</summary>
    string Name { get; }

    /// <summary>One usage line (flags after the name).</summary>
    string Usage { get; }

    /// <summary>Flags that take a value, beyond <see cref="BenchArguments.Common"/>.</summary>
    IReadOnlyList<string> ValueFlags { get; }

    /// <summary>Flags without a value.</summary>
    IReadOnlyList<string> Switches { get; }

    /// <summary>The argument lists <c>./bench.sh all</c> runs this suite with, in order (empty: not part of all).</summary>
    IReadOnlyList<string[]> AllRuns { get; }

    /// <summary>Parses the flags after the suite name; bad input throws <see cref="BenchUsageException"/> before anything runs.</summary>
    BenchArguments Parse(IReadOnlyList<string> args) => BenchArguments.Parse(args, ValueFlags, Switches);

    /// <summary>True when these arguments ask for the tiny CI version (its outputs default to bench/smoke).</summary>
    bool IsSmoke(BenchArguments arguments);

    /// <summary>Runs the suite; returns the exit code (0 success, 1 a run failed or results are missing).</summary>
    Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken);
}
