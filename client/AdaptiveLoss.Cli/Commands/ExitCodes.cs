namespace AdaptiveLoss.Cli.Commands;

/// <summary>The CLI's exit codes (docs/design.md §4).</summary>
internal static class ExitCodes
{
    /// <summary>The experiment completed (at least one child) and results.json is written.</summary>
    public const int Success = 0;

    /// <summary>
    /// A runtime failure: every child failed, the cluster is unreachable, results.json could not be written to --out
    /// (or went beside it because another run's appeared there meanwhile, docs/cli.md), an unexpected error.
    /// </summary>
    public const int Failure = 1;

    /// <summary>Bad input: one line on stderr, nothing written.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT) after cancelling the experiment.</summary>
    public const int Interrupted = 130;
}
