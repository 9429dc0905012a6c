namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// The mismatch benchmark, fixed before running: every task of <see cref="MismatchTasks"/> × the arms of
/// <see cref="MismatchArms"/> that apply to it, as <c>ala run</c> processes into RUNS/mismatch/TASK/ARM. Flags of a run:
/// the plan's, then the task's, then the arm's. The static Φ files live in RUNS/mismatch/phi.
/// </summary>
/// <param name="Name">full or smoke.</param>
/// <param name="Flags">Flags every run shares.</param>
/// <param name="Tasks">The tasks in report order.</param>
/// <param name="Arms">The arms in run order.</param>
/// <param name="Description">One line for the report.</param>
/// <param name="IsEvidence">False for the smoke plan: it checks the pipeline and says nothing about the method.</param>
internal sealed record MismatchPlan(
    string Name, IReadOnlyList<string> Flags, IReadOnlyList<MismatchTask> Tasks, IReadOnlyList<MismatchArm> Arms, string Description, bool IsEvidence)
{
    /// <summary>The folder under the runs root.</summary>
    public const string Folder = "mismatch";

    /// <summary>The folder of the static Φ files, under <see cref="Folder"/>.</summary>
    public const string PhiFolderName = "phi";

    /// <summary>Classes of every task (Fashion-MNIST), the size of the Φ files.</summary>
    public const int Classes = 10;

    /// <summary>MLP (the CNN task overrides it), 10 epochs, 8 paired children, one data seed for every run.</summary>
    public static MismatchPlan Full { get; } = new(
        "full", ["--model", "mlp", "--children", "8", "--epochs", "10", "--seed", "1", "--data-seed", "1"],
        MismatchTasks.All, MismatchArms.All, "MLP (one CNN task), 10 epochs, 8 paired seeds, data seed 1", IsEvidence: true);

    /// <summary>CI: two tasks and four arms on tiny data (pipeline check only).</summary>
    public static MismatchPlan Smoke { get; } = new(
        "smoke",
        ["--model", "mlp", "--children", "2", "--epochs", "1", "--seed", "1", "--data-seed", "1", "--train-limit", "600", "--validation-size", "200", "--window", "4"],
        [MismatchTasks.Find("clean")!, MismatchTasks.Find("pairflip0.4")!],
        [.. new[] { MismatchArms.CrossEntropy, "phi-all0.1", MismatchArms.Ala, MismatchArms.Frozen }.Select(n => MismatchArms.Find(n)!)],
        "pipeline check only: MLP, 600 training images, 1 epoch, K = 4, 2 children", IsEvidence: false);

    /// <summary>The arms of the plan that run on <paramref name="task"/>, in run order.</summary>
    public IReadOnlyList<MismatchArm> ArmsOf(MismatchTask task) => Arms.Where(task.Runs).ToArray();

    /// <summary>RUNS/mismatch/phi.</summary>
    public static string PhiFolder(string runsRoot) => Path.Combine(runsRoot, Folder, PhiFolderName);

    /// <summary>
    /// The runs of the tasks named in <paramref name="tasks"/> × the arms named in <paramref name="arms"/> (null: all of
    /// the plan's); tasks left without an arm are left out.
    /// </summary>
    public IReadOnlyList<MismatchRun> Runs(string runsRoot, IReadOnlyCollection<string>? tasks = null, IReadOnlyCollection<string>? arms = null) =>
        Tasks.Where(t => tasks is null || tasks.Contains(t.Name))
            .Select(t => new MismatchRun(
                t, Path.Combine(runsRoot, Folder, t.Name), $"{Folder}-{t.Name}", FlagList.Override(Flags, t.Flags),
                [.. ArmsOf(t).Where(a => arms is null || arms.Contains(a.Name)).Select(a => a.ToArm(PhiFolder(runsRoot)))]))
            .Where(r => r.Arms.Count > 0)
            .ToArray();

    /// <summary>Writes the Φ file of every static Φ arm of the plan into RUNS/mismatch/phi; returns their paths.</summary>
    public IReadOnlyList<string> WritePhiFiles(string runsRoot)
    {
        var written = new List<string>();
        foreach (var arm in Arms.Where(a => a.Phi is not null))
        {
            var path = arm.PhiFile(PhiFolder(runsRoot));
            arm.Phi!.Write(path, Classes);
            written.Add(path);
        }

        return written;
    }
}
