namespace AdaptiveLoss.Core.Coordination;

/// <summary>
/// <see cref="Size"/> consecutive entries of the reward log, number <paramref name="Index"/> (0-based), stored once
/// as their own document when the log's open tail fills up: a report appends to the tail instead of rewriting the log.
/// </summary>
public sealed record RewardChunk(string PolicyId, int Index, RoundReward[] Items)
{
    /// <summary>Entries per chunk (~25 KB of JSON): the record's tail never holds more than this minus one.</summary>
    public const int Size = 256;
}
