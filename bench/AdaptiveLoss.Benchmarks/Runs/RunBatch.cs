namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// Runs arms as <c>ala run</c> processes, <paramref name="Jobs"/> at a time (1 for the real budgets, so that arms do
/// not share the cores and their times stay comparable; the smoke budget runs its tiny arms side by side).
/// </summary>
/// <param name="Runner">Starts the processes.</param>
/// <param name="Jobs">Processes at a time.</param>
/// <param name="SkipExisting">Keep an arm whose folder already holds results.json (resume an interrupted benchmark).</param>
internal sealed record RunBatch(AlaRunner Runner, int Jobs, bool SkipExisting)
{
    /// <summary>
    /// Runs every arm into FOLDER/ARM with SHARED + ARM flags (an arm's flag replaces the shared value of the same flag,
    /// <see cref="FlagList.Override"/>) and experiment id PREFIX-ARM; returns the names of the arms that failed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(
        string folder, string prefix, IReadOnlyList<string> sharedFlags, IReadOnlyList<Arm> arms, CancellationToken cancellationToken)
    {
        await Runner.EnsureBuiltAsync(cancellationToken);
        using var slots = new SemaphoreSlim(Jobs);
        var runs = arms.Select(async arm =>
        {
            var directory = Path.Combine(folder, arm.Name);
            if (SkipExisting && File.Exists(Path.Combine(directory, Results.RunResultsReader.FileName)))
            {
                return (arm.Name, ExitCode: 0);
            }

            await slots.WaitAsync(cancellationToken);
            try
            {
                return (arm.Name, ExitCode: await Runner.RunAsync($"{prefix}-{arm.Name}", directory, FlagList.Override(sharedFlags, arm.Flags), cancellationToken));
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        var results = await Task.WhenAll(runs);
        return results.Where(r => r.ExitCode != 0).Select(r => r.Name).ToArray();
    }
}
