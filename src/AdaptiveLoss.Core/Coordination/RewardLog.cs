namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// The coordinator's reward log, append-only in storage (docs/durability.md): every <see cref="ChunkSize"/> entries are sealed
/// into a <see cref="RewardChunk"/> written once; the record carries only the open tail. A report thus writes at most one
/// chunk and a record whose size does not grow with the run.
/// </summary>
internal sealed class RewardLog(string policyId)
{
    /// <summary>Entries per sealed chunk.</summary>
    public const int ChunkSize = RewardChunk.Size;

    private readonly List<RoundReward> _entries = [];
    private readonly List<RewardChunk> _unsaved = [];

    public IReadOnlyList<RoundReward> Entries => _entries;

    public int SealedChunks => _entries.Count / ChunkSize;

    /// <summary>Sealed chunks not yet acknowledged as stored.</summary>
    public IReadOnlyList<RewardChunk> Unsaved => _unsaved;

    /// <summary>The log of <paramref name="index"/>: its chunks (0 … Chunks − 1, in order) and its tail.</summary>
    public static RewardLog Restore(string policyId, RewardLogIndex index, IReadOnlyList<RewardChunk> chunks)
    {
        if (!chunks.Select(c => c.Index).SequenceEqual(Enumerable.Range(0, index.Chunks)) || chunks.Any(c => c.Items.Length != ChunkSize)
            || index.Tail.Length >= ChunkSize)
        {
            throw new ArgumentException($"policy {policyId}: reward chunks [{string.Join(", ", chunks.Select(c => c.Index))}] "
                + $"do not match the record's {index.Chunks} chunks and tail of {index.Tail.Length}", nameof(chunks));
        }

        var log = new RewardLog(policyId);
        log._entries.AddRange(chunks.SelectMany(c => c.Items));
        log._entries.AddRange(index.Tail);
        return log;
    }

    public void Add(RoundReward reward)
    {
        _entries.Add(reward);
        if (_entries.Count % ChunkSize == 0)
        {
            var index = SealedChunks - 1;
            _unsaved.Add(new RewardChunk(policyId, index, [.. _entries.Skip(index * ChunkSize)]));
        }
    }

    public RewardLogIndex Export() => new(SealedChunks, [.. _entries.Skip(SealedChunks * ChunkSize)]);

    public void Saved(IEnumerable<RewardChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            _unsaved.Remove(chunk);
        }
    }
}
