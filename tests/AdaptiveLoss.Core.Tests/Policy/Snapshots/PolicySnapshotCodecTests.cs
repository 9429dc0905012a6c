using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>The snapshot format: exact round trip, the documented hash, and a one-line error for every kind of bad file.</summary>
public sealed partial class PolicySnapshotCodecTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decode_EncodedSnapshot_SameWeightsBitForBitAndProvenance()
    {
        var snapshot = Snapshot(new PolicyNetwork(24, 8, seed: 3));

        var back = PolicySnapshotCodec.Decode(PolicySnapshotCodec.Encode(snapshot), "x.json");

        Assert.Equal(snapshot.Parameters.Select(BitConverter.DoubleToInt64Bits), back.Parameters.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal((snapshot.PolicyId, snapshot.Version, snapshot.Inputs, snapshot.Hidden, snapshot.CreatedUtc, snapshot.Source),
            (back.PolicyId, back.Version, back.Inputs, back.Hidden, back.CreatedUtc, back.Source));
        Assert.Equal("fashion@65", back.Reference.ToString());
    }

    [Fact]
    public void ToNetwork_Snapshot_SameProbabilitiesAsTheSource()
    {
        var network = new PolicyNetwork(24, 8, seed: 5);
        float[] state = [.. Enumerable.Range(0, 24).Select(i => (float)Math.Sin(i))];

        var copy = Snapshot(network).ToNetwork();

        Assert.Equal(network.Probabilities(state), copy.Probabilities(state));
    }

    [Fact]
    public void Hash_TinyPolicy_EqualsShaOfHeaderDimensionsAndLittleEndianDoubles()
    {
        // inputs 1, hidden 1: W1 b1 W2 b2 (1 each) + W3 b3 (3 each) = 10 parameters.
        double[] parameters = [.. Enumerable.Range(0, 10).Select(i => (i * 0.25) - 1)];
        var bytes = new List<byte>(Encoding.ASCII.GetBytes("adaptive-loss.policy/1\n"));
        foreach (var dimension in new[] { 1, 1, 3 })
        {
            bytes.AddRange(BitConverter.GetBytes(dimension));
        }

        foreach (var p in parameters)
        {
            var eight = new byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(eight, p);
            bytes.AddRange(eight);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. bytes])), PolicySnapshotCodec.Hash(1, 1, parameters));
    }

    [Theory]
    [InlineData("format", "\"adaptive-loss.policy\"", "\"something-else\"", "not a policy snapshot (format must be \"adaptive-loss.policy\")")]
    [InlineData("schemaVersion", "1", "2", "schema version 2 is not supported (this build reads 1)")]
    [InlineData("outputs", "3", "4", "a policy has 3 outputs (−β, 0, +β), the file says 4")]
    [InlineData("parameterCount", "10", "11", "parameterCount 11 but 10 parameters")]
    [InlineData("hidden", "1", "5000", "dimensions 1 inputs × 5000 hidden are out of range (1-4096 × 1-1024)")]
    [InlineData("policyId", "\"fashion\"", "\"../etc\"", "policy id must be 1-100 letters, digits, '-', '_' or '.' (got '../etc')")]
    public void Decode_EditedField_OneLineErrorNamingFileAndProblem(string field, string from, string to, string problem)
    {
        var json = Replace(PolicySnapshotCodec.Encode(Snapshot(new PolicyNetwork(1, 1, seed: 1))), field, from, to);

        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotCodec.Decode(json, "in/p.json"));

        Assert.Equal($"policy snapshot in/p.json: {problem}", error.Message);
    }

    [Fact]
    public void Decode_OneParameterChanged_ShaMismatch()
    {
        var snapshot = Snapshot(new PolicyNetwork(1, 1, seed: 1));
        var json = PolicySnapshotCodec.Encode(snapshot with { Parameters = [.. snapshot.Parameters] });
        var tampered = json.Replace(Json(snapshot.Parameters[4]), Json(snapshot.Parameters[4] + 0.5), StringComparison.Ordinal);

        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotCodec.Decode(tampered, "p.json"));

        Assert.StartsWith("policy snapshot p.json: sha256 mismatch (file says ", error.Message);
        Assert.EndsWith("the file is corrupt or was edited", error.Message);
    }

    [Fact]
    public void Decode_NaNParameter_NamedAsNotFinite()
    {
        var snapshot = Snapshot(new PolicyNetwork(1, 1, seed: 1));
        var json = PolicySnapshotCodec.Encode(snapshot).Replace(Json(snapshot.Parameters[2]), "\"NaN\"", StringComparison.Ordinal);

        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotCodec.Decode(json, "p.json"));

        Assert.Equal("policy snapshot p.json: parameter 2 is not finite (NaN)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format\": \"adaptive-loss.policy\", \"schemaVersion\": 1, \"parameters\": [1, 2")]
    [InlineData("[1, 2, 3]")]
    public void Decode_NotSnapshotJson_OneLineError(string json)
    {
        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotCodec.Decode(json, "p.json"));

        Assert.StartsWith("policy snapshot p.json: not valid snapshot JSON", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Encode_NonFiniteWeights_Refused()
    {
        var snapshot = Snapshot(new PolicyNetwork(1, 1, seed: 1));
        snapshot.Parameters[0] = double.PositiveInfinity;

        var error = Assert.Throws<ArgumentException>(() => PolicySnapshotCodec.Encode(snapshot));

        Assert.Contains("parameter 0 is not finite", error.Message);
    }

    internal static PolicySnapshot Snapshot(PolicyNetwork network) =>
        PolicySnapshot.Of("fashion", 65, network, Created, new SnapshotSource("fashion-mnist", "mlp", 10, 65, 520));

    private static string Json(double value) => System.Text.Json.JsonSerializer.Serialize(value);

    // Replaces the first `"field": from` of the JSON text.
    private static string Replace(string json, string field, string from, string to)
    {
        var pattern = $"\"{field}\": {Regex.Escape(from)}";
        Assert.Matches(pattern, json);
        return new Regex(pattern).Replace(json, $"\"{field}\": {to}", 1);
    }
}
