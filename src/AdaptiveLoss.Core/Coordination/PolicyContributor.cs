using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// An experiment that feeds a policy (docs/policy-snapshots.md, provenance): its id and what its children train. Sent with
/// every join, so a shared policy's snapshots name the experiments that taught it rather than the one that created it.
/// </summary>
/// <param name="Experiment">Experiment id.</param>
/// <param name="Task">Data set as <c>ala run --task</c> names it (e.g. "fashion-mnist").</param>
/// <param name="Model">Child model as <c>--model</c> names it (e.g. "cnn").</param>
/// <param name="Classes">Class count C of the task.</param>
public sealed record PolicyContributor(string Experiment, string Task, string Model, int Classes)
{
    /// <summary>The contributor of experiment <paramref name="experimentId"/> run with <paramref name="options"/>.</summary>
    public static PolicyContributor From(string experimentId, ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        ArgumentNullException.ThrowIfNull(options);
        return new(experimentId, TaskName(options.Task), options.Model.ToString().ToLowerInvariant(),
            options.Classes ?? ExperimentOptionsValidator.MaxClasses);
    }

    // The command-line names (ala run --task), which the snapshot's provenance shows.
    private static string TaskName(TaskKind task) => task == TaskKind.FashionMnist ? "fashion-mnist" : task.ToString().ToLowerInvariant();
}
