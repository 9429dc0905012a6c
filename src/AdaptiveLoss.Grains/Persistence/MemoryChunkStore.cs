using Orleans.Storage;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// Reads, writes and deletes <see cref="MemoryChunk"/> documents in the grains' storage provider (files or Redis),
/// under the state name <c>memory</c> and a key per policy and round.
/// </summary>
internal sealed class MemoryChunkStore(IGrainStorage storage)
{
    private const string StateName = "memory";

    public async Task WriteAsync(MemoryChunk chunk)
    {
        var id = IdOf(chunk.PolicyId, chunk.Round);
        // Read first: the provider's optimistic concurrency needs the current ETag (a retried write finds its own).
        var state = new GrainState<Stored<MemoryChunk>>();
        await storage.ReadStateAsync(StateName, id, state);
        state.State = new Stored<MemoryChunk> { Value = chunk };
        await storage.WriteStateAsync(StateName, id, state);
    }

    /// <summary>The chunks of <paramref name="rounds"/>, in order; a missing one is an error naming it.</summary>
    public async Task<IReadOnlyList<MemoryChunk>> ReadAsync(string policyId, IEnumerable<int> rounds)
    {
        var chunks = new List<MemoryChunk>();
        foreach (var round in rounds)
        {
            var state = new GrainState<Stored<MemoryChunk>>();
            await storage.ReadStateAsync(StateName, IdOf(policyId, round), state);
            chunks.Add(state.RecordExists && state.State?.Value is { } chunk
                ? chunk
                : throw new InvalidDataException($"policy {policyId}: the replay memory of round {round} is missing from storage"));
        }

        return chunks;
    }

    public async Task DeleteAsync(string policyId, int round)
    {
        var id = IdOf(policyId, round);
        var state = new GrainState<Stored<MemoryChunk>>();
        await storage.ReadStateAsync(StateName, id, state);
        if (state.RecordExists)
        {
            await storage.ClearStateAsync(StateName, id, state);
        }
    }

    private static GrainId IdOf(string policyId, int round) => GrainId.Create("policymemory", $"{policyId}/{round}");
}
