using System.Globalization;

namespace AdaptiveLoss.Core.Policy.Snapshots;

/// <summary>"policyId@version": one snapshot of one policy (docs/policy-snapshots.md). The version is optional when parsing ("latest").</summary>
/// <param name="PolicyId">Policy id: 1-100 letters, digits, '-', '_' or '.', not starting with '.'.</param>
/// <param name="Version">Policy version (updates applied), or null for the latest snapshot.</param>
public sealed record PolicyReference(string PolicyId, long? Version)
{
    /// <summary>Parses "id" or "id@version"; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static PolicyReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? text : text[..at];
        if (!IsValidId(id))
        {
            throw new FormatException($"policy id must be 1-100 letters, digits, '-', '_' or '.' (got '{id}')");
        }

        if (at < 0)
        {
            return new PolicyReference(id, null);
        }

        var version = text[(at + 1)..];
        return long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? new PolicyReference(id, v)
            : throw new FormatException($"policy version must be a whole number ≥ 0 after '@' (got '{version}')");
    }

    /// <summary>True for an id usable as a grain key and a file name.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 100 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <inheritdoc/>
    public override string ToString() =>
        Version is { } v ? $"{PolicyId}@{v.ToString(CultureInfo.InvariantCulture)}" : PolicyId;
}
