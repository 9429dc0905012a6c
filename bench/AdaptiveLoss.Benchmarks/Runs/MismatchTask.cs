namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>One task of the mismatch benchmark: the flags it adds to every run and the test metric it is judged on.</summary>
/// <param name="Name">Folder name under RUNS/mismatch and the task's name in the tables.</param>
/// <param name="Family">What kind of mismatch it has (chooses its arms).</param>
/// <param name="Headline">The test metric of the tables: a JSON name of results.json's <c>test</c> (error, balancedError).</param>
/// <param name="Description">One line for the report.</param>
/// <param name="Only">The arms this task runs, when fewer than its family's (the CNN task costs ~5× an MLP one).</param>
/// <param name="Flags">Flags added after the plan's shared flags (a later --model overrides the shared one).</param>
internal sealed record MismatchTask(
    string Name, TaskFamily Family, string Headline, string Description, IReadOnlyList<string> Flags, IReadOnlyList<string>? Only = null)
{
    /// <summary>Whether <paramref name="arm"/> runs on this task: its family matches and, when the task names its arms, it is one of them.</summary>
    public bool Runs(MismatchArm arm) => arm.AppliesTo(this) && (Only is null || Only.Contains(arm.Name));

    /// <summary>The flags as one string, for the tables.</summary>
    public string FlagText => Flags.Count == 0 ? "(none)" : string.Join(' ', Flags);
}
