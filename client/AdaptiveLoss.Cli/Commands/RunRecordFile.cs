using System.Text.Json;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// What <c>ala resume</c> needs of an embedded run besides the grains' state: where its results go and the options it
/// started with, in STATE/runs/&lt;experimentId&gt;.json. Written (durably) by <c>ala run</c> once the experiment has
/// started, so a start that is refused leaves none, and deleted once it has ended and its results are written: a record
/// that exists marks a run that can be resumed.
/// </summary>
internal static class RunRecordFile
{
    /// <summary>The stored part of a run plan.</summary>
    public sealed record RunRecord(string ExperimentId, string OutDirectory, string? TensorBoardDirectory, ExperimentOptions Options);

    /// <summary>Largest record read: the options may hold a whole initial policy (at most <see cref="Core.Policy.Snapshots.PolicySnapshotCodec.MaxBytes"/>).</summary>
    public const long MaxBytes = 2 * Core.Policy.Snapshots.PolicySnapshotCodec.MaxBytes;

    public static string PathOf(string stateDirectory, string experimentId) => Path.Combine(stateDirectory, "runs", experimentId + ".json");

    public static void Write(string stateDirectory, RunPlan plan) =>
        AtomicFile.WriteText(Path.Combine(stateDirectory, "runs"), plan.ExperimentId + ".json",
            JsonSerializer.Serialize(new RunRecord(plan.ExperimentId, plan.OutDirectory, plan.TensorBoardDirectory, plan.Options), CoreSerialization.JsonOptions),
            durable: true);

    /// <summary>Deletes the record of an experiment that ended (synced, so the deletion is as durable as the write).</summary>
    public static void Delete(string stateDirectory, string experimentId)
    {
        var path = PathOf(stateDirectory, experimentId);
        if (File.Exists(path))
        {
            File.Delete(path);
            FolderSync.Sync(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>The record of <paramref name="experimentId"/>; a usage error when there is none or it cannot be read.</summary>
    public static RunRecord Read(string stateDirectory, string experimentId)
    {
        var path = PathOf(stateDirectory, experimentId);
        if (!File.Exists(path))
        {
            throw new Parsing.UsageException($"no experiment '{experimentId}' to resume in state folder {stateDirectory} ({path} not found)");
        }

        try
        {
            return JsonSerializer.Deserialize<RunRecord>(BoundedFile.ReadAllBytes(path, MaxBytes), CoreSerialization.JsonOptions)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new Parsing.UsageException($"{path} is not a run record: {ex.Message.Split('\n')[0]}");
        }
        catch (BoundedFileException ex)
        {
            throw new Parsing.UsageException($"run record {ex.Message}");
        }
    }
}
