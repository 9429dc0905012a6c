namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>One arm (or ablation variant): a folder name, the flags it adds to <c>ala run</c>, and what it is.</summary>
/// <param name="Name">Folder name under the budget's runs folder, and the arm's name in the tables.</param>
/// <param name="Flags">Flags added to the budget's flags.</param>
/// <param name="Description">One line for the tables.</param>
internal sealed record Arm(string Name, IReadOnlyList<string> Flags, string Description)
{
    /// <summary>The flags as one string, for the tables ("—" when the arm adds none).</summary>
    public string FlagText => Flags.Count == 0 ? "(defaults)" : string.Join(' ', Flags);
}
