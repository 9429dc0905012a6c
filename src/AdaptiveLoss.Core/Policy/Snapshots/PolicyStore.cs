using System.Globalization;

namespace AdaptiveLoss.Core.Policy.Snapshots;

/// <summary>
/// The policy snapshots of a state folder (docs/policy-snapshots.md): <c>STATE/policies/&lt;policyId&gt;/&lt;version&gt;.json</c>, one
/// file per snapshot in the format of <see cref="PolicySnapshotCodec"/>. Writes are atomic
/// (<see cref="PolicySnapshotFile.Write"/>); reads validate. Files whose name is not a version are ignored (a temporary
/// file of an interrupted write, an editor's backup). Safe for concurrent readers and one writer per policy.
/// </summary>
public sealed class PolicyStore
{
    /// <summary>A store over <paramref name="stateDirectory"/> (need not exist yet).</summary>
    public PolicyStore(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        StateDirectory = Path.GetFullPath(stateDirectory);
    }

    /// <summary>The absolute state folder.</summary>
    public string StateDirectory { get; }

    /// <summary>The absolute <c>policies</c> folder.</summary>
    public string PoliciesDirectory => Path.Combine(StateDirectory, "policies");

    /// <summary>Where snapshot <paramref name="policyId"/>@<paramref name="version"/> lives.</summary>
    public string PathOf(string policyId, long version)
    {
        if (!PolicyReference.IsValidId(policyId))
        {
            throw new ArgumentException($"invalid policy id '{policyId}'", nameof(policyId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return Path.Combine(PoliciesDirectory, policyId, version.ToString(CultureInfo.InvariantCulture) + ".json");
    }

    /// <summary>Writes <paramref name="snapshot"/> atomically (replacing the same version) and returns its path.</summary>
    public string Write(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = PathOf(snapshot.PolicyId, snapshot.Version);
        PolicySnapshotFile.Write(path, snapshot);
        return path;
    }

    /// <summary>Every policy id with at least one snapshot file, sorted (ordinal).</summary>
    public IReadOnlyList<string> PolicyIds() =>
        Directory.Exists(PoliciesDirectory)
            ? [.. Directory.EnumerateDirectories(PoliciesDirectory).Select(Path.GetFileName).OfType<string>()
                .Where(id => PolicyReference.IsValidId(id) && Versions(id).Count > 0).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The versions stored for <paramref name="policyId"/>, ascending; empty when none.</summary>
    public IReadOnlyList<long> Versions(string policyId)
    {
        if (!PolicyReference.IsValidId(policyId))
        {
            return [];
        }

        var folder = Path.Combine(PoliciesDirectory, policyId);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var versions = new List<long>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && stem == version.ToString(CultureInfo.InvariantCulture))
            {
                versions.Add(version);
            }
        }

        versions.Sort();
        return versions;
    }

    /// <summary>The latest version of <paramref name="policyId"/>, or null when it has none.</summary>
    public long? Latest(string policyId) => Versions(policyId) is [.., var last] ? last : null;

    /// <summary>
    /// Reads <paramref name="reference"/> (the latest version when it names none); a missing policy or version, or a
    /// file that fails validation, is a <see cref="PolicySnapshotException"/> with a one-line message. A file whose
    /// content names another policy or version than its path is refused too (it was copied or renamed by hand).
    /// </summary>
    public PolicySnapshot Read(PolicyReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var version = reference.Version ?? Latest(reference.PolicyId)
            ?? throw new PolicySnapshotException($"policy {reference.PolicyId}: no snapshots in {PoliciesDirectory}");
        var path = PathOf(reference.PolicyId, version);
        if (!File.Exists(path))
        {
            var known = Versions(reference.PolicyId);
            throw new PolicySnapshotException(known.Count == 0
                ? $"policy {reference.PolicyId}: no snapshots in {PoliciesDirectory}"
                : $"policy {reference.PolicyId}@{version}: no such version (stored: {string.Join(", ", known)})");
        }

        var snapshot = PolicySnapshotFile.Read(path);
        return snapshot.PolicyId == reference.PolicyId && snapshot.Version == version
            ? snapshot
            : throw new PolicySnapshotException($"policy snapshot {path}: holds {snapshot.Reference}, not {reference.PolicyId}@{version}");
    }

    /// <summary>
    /// One entry per stored policy: its versions and its latest snapshot, or the one-line reason the latest cannot be
    /// read (a corrupt file is listed, not thrown).
    /// </summary>
    public IReadOnlyList<StoredPolicy> List()
    {
        var policies = new List<StoredPolicy>();
        foreach (var id in PolicyIds())
        {
            var versions = Versions(id);
            try
            {
                policies.Add(new StoredPolicy(id, versions, Read(new PolicyReference(id, versions[^1])), null));
            }
            catch (PolicySnapshotException ex)
            {
                policies.Add(new StoredPolicy(id, versions, null, ex.Message));
            }
        }

        return policies;
    }
}

/// <summary>A policy of a <see cref="PolicyStore"/>.</summary>
/// <param name="PolicyId">The policy id.</param>
/// <param name="Versions">Its stored versions, ascending (at least one).</param>
/// <param name="Latest">The latest snapshot; null when it failed to read.</param>
/// <param name="Error">Why the latest snapshot cannot be read; null when it can.</param>
public sealed record StoredPolicy(string PolicyId, IReadOnlyList<long> Versions, PolicySnapshot? Latest, string? Error);
