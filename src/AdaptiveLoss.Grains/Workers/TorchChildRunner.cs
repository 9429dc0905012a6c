using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// The production runner: TorchSharp training of one child on the calling thread, checkpointing into
/// <see cref="TrainingOptions.CheckpointRoot"/>/&lt;experimentId&gt;/&lt;index&gt; when a root is set.
/// </summary>
public sealed class TorchChildRunner(IOptions<TrainingOptions> options) : IChildRunner
{
    /// <inheritdoc/>
    public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken) =>
        ChildRun.Execute(spec, controller, cancellationToken, CheckpointFolder(options.Value.CheckpointRoot, spec.ChildId));

    /// <inheritdoc/>
    public DataCheck CheckData(ChildSettings settings) => DataPreflight.Inspect(settings);

    /// <inheritdoc/>
    public void ConfigureThreads(int runningChildren) => TorchThreads.Configure(runningChildren);

    /// <summary>
    /// &lt;root&gt;/&lt;experimentId&gt;/&lt;index&gt; for child key "{experimentId}/{index}", or null without a root. Each key
    /// segment must be a plain file name, so a key can never point outside the root.
    /// </summary>
    public static string? CheckpointFolder(string? root, string childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        var segments = childId.Split('/');
        foreach (var segment in segments)
        {
            if (segment is "" or "." or ".." || segment.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new ArgumentException($"child id '{childId}' cannot name a checkpoint folder", nameof(childId));
            }
        }

        return Path.Combine([root, .. segments]);
    }

    /// <summary>Deletes the checkpoint folder of <paramref name="childId"/> under <paramref name="root"/>, if there is one.</summary>
    public static void DeleteCheckpointFolder(string? root, string childId)
    {
        if (CheckpointFolder(root, childId) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
