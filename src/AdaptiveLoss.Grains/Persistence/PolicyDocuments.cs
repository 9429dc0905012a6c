using AdaptiveLoss.Core.Coordination;
using AdaptiveLoss.Core.Policy;
using Orleans.Storage;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// The coordinator's write-once documents in the grains' storage provider (files or Redis), next to its record:
/// replay-memory chunks (state <c>memory</c>, key policy/round), sealed reward-log chunks (state <c>rewards</c>, key
/// policy/index) and pending-transition chunks (state <c>pendingchunks</c>, key policy/index; earlier versions stored one
/// document per transition, state <c>pending</c>, key policy/child/window, still read). Each is written once, read back
/// only on activation, and deleted when the record stops referring to it.
/// </summary>
internal sealed class PolicyDocuments(IGrainStorage storage, string policyId)
{
    /// <summary>Writes every document of <paramref name="writes"/>.</summary>
    public async Task WriteAsync(DocumentWrites writes)
    {
        foreach (var chunk in writes.Pending)
        {
            await WriteAsync("pendingchunks", PendingChunkId(chunk.Index), chunk);
        }

        foreach (var chunk in writes.Memory)
        {
            await WriteAsync("memory", ChunkId(chunk.Round), chunk);
        }

        foreach (var chunk in writes.Rewards)
        {
            await WriteAsync("rewards", RewardsId(chunk.Index), chunk);
        }
    }

    /// <summary>Deletes every document of <paramref name="deletes"/> (a missing one is no error).</summary>
    public async Task DeleteAsync(DocumentDeletes deletes)
    {
        foreach (var index in deletes.Pending)
        {
            await DeleteAsync<PendingChunk>("pendingchunks", PendingChunkId(index));
        }

        foreach (var round in deletes.MemoryRounds)
        {
            await DeleteAsync<MemoryChunk>("memory", ChunkId(round));
        }

        foreach (var index in deletes.RewardChunks)
        {
            await DeleteAsync<RewardChunk>("rewards", RewardsId(index));
        }
    }

    /// <summary>
    /// The coordinator stored in <paramref name="record"/>, with every document it refers to; a missing one is an error
    /// naming it. Its pending transitions wait for their round from <paramref name="restoredAt"/> on.
    /// </summary>
    public async Task<PolicyCoordinator> RestoreAsync(CoordinatorRecord record, DateTimeOffset restoredAt) =>
        PolicyCoordinator.Restore(record, await ReadChunksAsync(record.Memory.Rounds), await ReadRewardsAsync(record.Rewards.Chunks),
            record.Pending is { } pending
                ? await ReadPendingChunksAsync(pending.Chunks)
                : [new PendingChunk(policyId, PendingChunk.Legacy, [.. await ReadPendingAsync(PolicyCoordinator.PendingKeys(record))])],
            restoredAt);

    private async Task<IReadOnlyList<MemoryChunk>> ReadChunksAsync(IEnumerable<int> rounds)
    {
        var chunks = new List<MemoryChunk>();
        foreach (var round in rounds)
        {
            chunks.Add(await ReadAsync<MemoryChunk>("memory", ChunkId(round)) ?? throw new InvalidDataException(
                $"policy {policyId}: the replay memory of round {round} is missing from storage"));
        }

        return chunks;
    }

    private async Task<IReadOnlyList<RewardChunk>> ReadRewardsAsync(int count)
    {
        var chunks = new List<RewardChunk>();
        for (var index = 0; index < count; index++)
        {
            chunks.Add(await ReadAsync<RewardChunk>("rewards", RewardsId(index)) ?? throw new InvalidDataException(
                $"policy {policyId}: reward chunk {index} is missing from storage"));
        }

        return chunks;
    }

    private async Task<IReadOnlyList<PendingChunk>> ReadPendingChunksAsync(IEnumerable<int> indices)
    {
        var chunks = new List<PendingChunk>();
        foreach (var index in indices)
        {
            chunks.Add(await ReadAsync<PendingChunk>("pendingchunks", PendingChunkId(index)) ?? throw new InvalidDataException(
                $"policy {policyId}: pending chunk {index} is missing from storage"));
        }

        return chunks;
    }

    private async Task<IReadOnlyList<Transition>> ReadPendingAsync(IEnumerable<PendingKey> keys)
    {
        var transitions = new List<Transition>();
        foreach (var (childId, window) in keys)
        {
            transitions.Add(await ReadAsync<Transition>("pending", PendingId(childId, window)) ?? throw new InvalidDataException(
                $"policy {policyId}: the pending transition of {childId} window {window} is missing from storage"));
        }

        return transitions;
    }

    private GrainId ChunkId(int round) => GrainId.Create("policymemory", $"{policyId}/{round}");

    private GrainId RewardsId(int index) => GrainId.Create("policyrewards", $"{policyId}/{index}");

    private GrainId PendingId(string childId, int window) => GrainId.Create("policypending", $"{policyId}/{childId}/{window}");

    private GrainId PendingChunkId(int index) => GrainId.Create("policypendingchunk", $"{policyId}/{index}");

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
