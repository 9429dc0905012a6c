using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// Resolves <c>--policy</c> (and the policy commands' arguments): a value ending in <c>.json</c> is a snapshot file,
/// anything else <c>ID</c> or <c>ID@VERSION</c> in the state folder's store. Every failure is a one-line
/// <see cref="UsageException"/> naming the input (exit 2), raised before any host starts.
/// </summary>
internal static class PolicySource
{
    /// <summary>True when <paramref name="value"/> names a snapshot file rather than a stored policy.</summary>
    public static bool IsFile(string value) => value.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The validated snapshot <paramref name="value"/> names.</summary>
    public static PolicySnapshot Read(string value, string stateDirectory)
    {
        try
        {
            return IsFile(value)
                ? PolicySnapshotFile.Read(Path.GetFullPath(value))
                : new PolicyStore(stateDirectory).Read(Reference(value));
        }
        catch (PolicySnapshotException ex)
        {
            throw new UsageException(RunCommand.OneLine(ex.Message));
        }
    }

    /// <summary>Parses "ID" or "ID@VERSION".</summary>
    public static PolicyReference Reference(string value)
    {
        try
        {
            return PolicyReference.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"policy '{value}': {ex.Message}");
        }
    }
}
