using AdaptiveLoss.Core.Policy;
using Orleans.Storage;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// The coordinator's write-once documents in the grains' storage provider (files or Redis), next to its record:
/// replay-memory chunks (state <c>memory</c>, key policy/round) and pending transitions (state <c>pending</c>, key
/// policy/child/window). Each is written once, read back only on activation, and deleted when the record stops
/// referring to it.
/// </summary>
internal sealed class PolicyDocuments(IGrainStorage storage, string policyId)
{
    public Task WriteChunkAsync(MemoryChunk chunk) => WriteAsync("memory", ChunkId(chunk.Round), chunk);

    public Task WritePendingAsync(Transition transition) => WriteAsync("pending", PendingId(transition.ChildId, transition.Window), transition);

    /// <summary>The chunks of <paramref name="rounds"/>, in order; a missing one is an error naming it.</summary>
    public async Task<IReadOnlyList<MemoryChunk>> ReadChunksAsync(IEnumerable<int> rounds)
    {
        var chunks = new List<MemoryChunk>();
        foreach (var round in rounds)
        {
            chunks.Add(await ReadAsync<MemoryChunk>("memory", ChunkId(round)) ?? throw new InvalidDataException(
                $"policy {policyId}: the replay memory of round {round} is missing from storage"));
        }

        return chunks;
    }

    /// <summary>The pending transitions of <paramref name="keys"/>; a missing one is an error naming it.</summary>
    public async Task<IReadOnlyList<Transition>> ReadPendingAsync(IEnumerable<(string ChildId, int Window)> keys)
    {
        var transitions = new List<Transition>();
        foreach (var (childId, window) in keys)
        {
            transitions.Add(await ReadAsync<Transition>("pending", PendingId(childId, window)) ?? throw new InvalidDataException(
                $"policy {policyId}: the pending transition of {childId} window {window} is missing from storage"));
        }

        return transitions;
    }

    public Task DeleteChunkAsync(int round) => DeleteAsync<MemoryChunk>("memory", ChunkId(round));

    public Task DeletePendingAsync(string childId, int window) => DeleteAsync<Transition>("pending", PendingId(childId, window));

    private GrainId ChunkId(int round) => GrainId.Create("policymemory", $"{policyId}/{round}");

    private GrainId PendingId(string childId, int window) => GrainId.Create("policypending", $"{policyId}/{childId}/{window}");

    private async Task WriteAsync<T>(string stateName, GrainId id, T value)
        where T : class
    {
        // Read first: the provider's optimistic concurrency needs the current ETag (a retried write finds its own).
        var state = new GrainState<Stored<T>>();
        await storage.ReadStateAsync(stateName, id, state);
        state.State = new Stored<T> { Value = value };
        await storage.WriteStateAsync(stateName, id, state);
    }

    private async Task<T?> ReadAsync<T>(string stateName, GrainId id)
        where T : class
    {
        var state = new GrainState<Stored<T>>();
        await storage.ReadStateAsync(stateName, id, state);
        return state.RecordExists ? state.State?.Value : null;
    }

    private async Task DeleteAsync<T>(string stateName, GrainId id)
        where T : class
    {
        var state = new GrainState<Stored<T>>();
        await storage.ReadStateAsync(stateName, id, state);
        if (state.RecordExists)
        {
            await storage.ClearStateAsync(stateName, id, state);
        }
    }
}
