using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Policy.Snapshots;

/// <summary>
/// The policy snapshot file (docs/policy-snapshots.md): JSON with a format name, a schema version, the network's
/// dimensions, the flat parameters, the provenance and a SHA-256 over the dimensions and the parameters' IEEE-754 bytes.
/// Reading validates everything (size, schema, dimensions, finite values, hash) and throws
/// <see cref="PolicySnapshotException"/> with a one-line reason; nothing is returned from a file that fails.
/// </summary>
public static class PolicySnapshotCodec
{
    /// <summary>The "format" field.</summary>
    public const string Format = "adaptive-loss.policy";

    /// <summary>The schema version this code writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Largest file accepted: a 24 → 1,024 → 1,024 → 3 policy is ~1.1 M parameters, ~25 MB of JSON.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>Largest hidden width accepted (bounds the memory a file can make a reader allocate).</summary>
    public const int MaxHidden = 1024;

    /// <summary>Largest input width accepted.</summary>
    public const int MaxInputs = 4096;

    /// <summary>
    /// Largest parameter magnitude accepted. Learned weights stay within a few units; a finite ±1e300 still makes the
    /// forward pass overflow to ±∞ and π NaN (docs/policy-snapshots.md), and within this bound it cannot for any
    /// features of ordinary size.
    /// </summary>
    public const double MaxParameterMagnitude = 1e6;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Written files never hold NaN or ±∞ (Encode refuses them); reading accepts the literals only to name them.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The JSON text of <paramref name="snapshot"/>; throws <see cref="ArgumentException"/> for a snapshot that would not read back.</summary>
    public static string Encode(PolicySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Problem(snapshot) is { } problem)
        {
            throw new ArgumentException($"policy snapshot {snapshot.Reference}: {problem}", nameof(snapshot));
        }

        var document = new SnapshotDocument(
            Format, SchemaVersion, snapshot.PolicyId, snapshot.Version, snapshot.CreatedUtc,
            new SnapshotArchitecture(snapshot.Inputs, snapshot.Hidden, ActionSet.Count),
            snapshot.Parameters.Length, snapshot.Source, Hash(snapshot.Inputs, snapshot.Hidden, snapshot.Parameters), snapshot.Parameters);
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>Decodes and validates <paramref name="json"/>; <paramref name="name"/> (a path) prefixes every error.</summary>
    public static PolicySnapshot Decode(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        SnapshotDocument? d;
        try
        {
            d = JsonSerializer.Deserialize<SnapshotDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            throw Fail(name, $"not valid snapshot JSON ({ex.Message.Split('.')[0]})", ex);
        }

        if (d is null || d.Format != Format)
        {
            throw Fail(name, $"not a policy snapshot (format must be \"{Format}\")");
        }

        if (d.SchemaVersion != SchemaVersion)
        {
            throw Fail(name, $"schema version {d.SchemaVersion} is not supported (this build reads {SchemaVersion})");
        }

        if (d.Architecture is null || d.Parameters is null || d.Source is null || d.PolicyId is null || d.Sha256 is null)
        {
            throw Fail(name, "policyId, architecture, parameters, source or sha256 missing");
        }

        var snapshot = new PolicySnapshot(d.PolicyId, d.Version, d.Architecture.Inputs, d.Architecture.Hidden, d.Parameters, d.CreatedUtc, d.Source);
        if (d.Architecture.Outputs != ActionSet.Count)
        {
            throw Fail(name, $"a policy has {ActionSet.Count} outputs (−β, 0, +β), the file says {d.Architecture.Outputs}");
        }

        if (d.ParameterCount != d.Parameters.Length)
        {
            throw Fail(name, $"parameterCount {d.ParameterCount} but {d.Parameters.Length} parameters");
        }

        if (Problem(snapshot) is { } problem)
        {
            throw Fail(name, problem);
        }

        var hash = Hash(snapshot.Inputs, snapshot.Hidden, snapshot.Parameters);
        return string.Equals(hash, d.Sha256, StringComparison.OrdinalIgnoreCase)
            ? snapshot
            : throw Fail(name, $"sha256 mismatch (file says {d.Sha256[..Math.Min(12, d.Sha256.Length)]}…, content is {hash[..12]}…): the file is corrupt or was edited");
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of "adaptive-loss.policy/1\n", then inputs, hidden and outputs as little-endian int32,
    /// then every parameter as a little-endian IEEE-754 double: independent of the JSON's number formatting.
    /// </summary>
    public static string Hash(int inputs, int hidden, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var header = Encoding.ASCII.GetBytes($"{Format}/{SchemaVersion}\n");
        var bytes = new byte[header.Length + 12 + (8 * parameters.Count)];
        header.CopyTo(bytes, 0);
        var span = bytes.AsSpan(header.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, inputs);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], hidden);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], ActionSet.Count);
        for (var i = 0; i < parameters.Count; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[(12 + (8 * i))..], parameters[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    // What makes a snapshot unusable, or null: ids, dimensions, parameter count and finiteness.
    private static string? Problem(PolicySnapshot s)
    {
        if (!PolicyReference.IsValidId(s.PolicyId))
        {
            return $"policy id must be 1-100 letters, digits, '-', '_' or '.' (got '{s.PolicyId}')";
        }

        if (s.Version < 0)
        {
            return $"version must be ≥ 0 (got {s.Version})";
        }

        if (s.Inputs is < 1 or > MaxInputs || s.Hidden is < 1 or > MaxHidden)
        {
            return $"dimensions {s.Inputs} inputs × {s.Hidden} hidden are out of range (1-{MaxInputs} × 1-{MaxHidden})";
        }

        var expected = PolicyNetwork.ParameterCount(s.Inputs, s.Hidden);
        if (s.Parameters.Length != expected)
        {
            return $"a {s.Inputs}→{s.Hidden}→{s.Hidden}→{ActionSet.Count} policy has {expected} parameters, got {s.Parameters.Length}";
        }

        var bad = Array.FindIndex(s.Parameters, p => !double.IsFinite(p));
        if (bad >= 0)
        {
            return $"parameter {bad} is not finite ({s.Parameters[bad]})";
        }

        bad = Array.FindIndex(s.Parameters, p => Math.Abs(p) > MaxParameterMagnitude);
        return bad >= 0
            ? $"parameter {bad} is {s.Parameters[bad]:G3}, beyond the ±{MaxParameterMagnitude:G} a usable policy's weights stay within"
            : NonFiniteProbe(s);
    }

    // π on a few probe states must be a distribution: a last guard for weights that are bounded yet still overflow.
    private static string? NonFiniteProbe(PolicySnapshot s)
    {
        var network = s.ToNetwork();
        var features = new float[s.Inputs];
        foreach (var value in new[] { 0f, 1f, -1f, 10f })
        {
            Array.Fill(features, value);
            var p = network.Probabilities(features);
            if (!p.All(double.IsFinite))
            {
                return $"π is not finite for the probe state of features all {value} ({string.Join(", ", p)})";
            }
        }

        return null;
    }

    private static PolicySnapshotException Fail(string name, string problem, Exception? inner = null) =>
        inner is null ? new($"policy snapshot {name}: {problem}") : new($"policy snapshot {name}: {problem}", inner);

    // The file's shape (camelCase JSON). Parameters last: the header stays readable at the top of the file.
    private sealed record SnapshotDocument(
        string Format,
        int SchemaVersion,
        string PolicyId,
        long Version,
        DateTimeOffset CreatedUtc,
        SnapshotArchitecture Architecture,
        int ParameterCount,
        SnapshotSource Source,
        string Sha256,
        double[] Parameters);

    private sealed record SnapshotArchitecture(int Inputs, int Hidden, int Outputs);
}
