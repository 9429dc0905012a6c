namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>The runs of one task: what <see cref="RunBatch.RunAsync"/> takes.</summary>
/// <param name="Task">The task.</param>
/// <param name="Folder">RUNS/mismatch/TASK (each arm in FOLDER/ARM).</param>
/// <param name="Prefix">Experiment id prefix: mismatch-TASK (ids mismatch-TASK-ARM).</param>
/// <param name="SharedFlags">The plan's flags, then the task's.</param>
/// <param name="Arms">The arms to run, with their Φ files' paths.</param>
internal sealed record MismatchRun(MismatchTask Task, string Folder, string Prefix, IReadOnlyList<string> SharedFlags, IReadOnlyList<Arm> Arms);
