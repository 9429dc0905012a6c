using System.Text.Json;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Training.Children.Checkpoints;

/// <summary>
/// A child checkpoint read back and verified (manifest hashes, JSON, tensor files), not yet applied: the trainer
/// checks it against its own model and data before anything of it touches the child.
/// </summary>
internal sealed record ChildCheckpoint(string Folder, CheckpointState State, List<StoredTensor> Model, List<StoredTensor> Optimizer)
{
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string StateFile = "state.json";

    /// <summary>Reads the checkpoint in <paramref name="folder"/>; throws <see cref="CheckpointException"/> on any damage.</summary>
    public static ChildCheckpoint Read(string folder)
    {
        var manifest = CheckpointFolder.Verify(folder);
        foreach (var name in new[] { ModelFile, OptimizerFile, StateFile })
        {
            if (!manifest.Files.Any(f => f.Name == name))
            {
                throw new CheckpointException(System.IO.Path.Combine(folder, CheckpointFolder.ManifestName), $"no {name} listed");
            }
        }

        var statePath = System.IO.Path.Combine(folder, StateFile);
        CheckpointState? state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(BoundedFile.ReadAllBytes(statePath, CheckpointFolder.MaxDocumentBytes), CheckpointFolder.Json);
        }
        catch (BoundedFileException ex)
        {
            throw new CheckpointException(statePath, $"unreadable state: it {ex.Problem}", ex);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            throw new CheckpointException(statePath, $"unreadable state ({ex.GetType().Name})", ex);
        }

        if (state is null || state.NextWindow != manifest.NextWindow || state.ChildId != manifest.ChildId)
        {
            throw new CheckpointException(statePath, "does not match its manifest (window or child)");
        }

        return new ChildCheckpoint(folder, state,
            TensorFile.Read(System.IO.Path.Combine(folder, ModelFile)),
            TensorFile.Read(System.IO.Path.Combine(folder, OptimizerFile)));
    }

    /// <summary>The path of <paramref name="file"/> in this checkpoint, for messages.</summary>
    public string PathOf(string file) => System.IO.Path.Combine(Folder, file);
}
