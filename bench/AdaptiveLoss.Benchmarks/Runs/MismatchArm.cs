namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>One arm of the mismatch benchmark, before its Φ file (if any) has a path.</summary>
/// <param name="Name">Folder name under RUNS/mismatch/TASK and the arm's name in the tables.</param>
/// <param name="Kind">Its role (<see cref="ArmKind"/>).</param>
/// <param name="Families">The tasks it runs on.</param>
/// <param name="Description">One line for the tables.</param>
/// <param name="Flags">Flags added to the task's (for a static Φ arm: none, the Φ flags are added by <see cref="ToArm"/>).</param>
/// <param name="Control">For a learning arm: its twin with the policy frozen (the learning control), paired with it in the report.</param>
/// <param name="Phi">The static Φ of a sweep arm (held fixed during training), or null.</param>
internal sealed record MismatchArm(
    string Name, string Kind, TaskFamily Families, string Description, IReadOnlyList<string> Flags, PhiShift? Phi = null, string? Control = null)
{
    /// <summary>True when the arm runs on <paramref name="task"/>.</summary>
    public bool AppliesTo(MismatchTask task) => (Families & task.Family) != 0;

    /// <summary>The arm as the runner takes it; a static Φ arm reads its matrix from PHIFOLDER/NAME.json.</summary>
    public Arm ToArm(string phiFolder) =>
        new(Name, Phi is null ? Flags : [.. Flags, "--loss", "fixed", "--phi", PhiFile(phiFolder)], Description);

    /// <summary>Where the suite writes this arm's Φ: PHIFOLDER/NAME.json.</summary>
    public string PhiFile(string phiFolder) => Path.Combine(phiFolder, $"{Name}.json");
}
