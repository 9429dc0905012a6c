using System.Text.Json.Nodes;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>
/// Snapshot JSON whose parameters are replaced and whose sha256 is recomputed for them (as the codec computes it), so
/// the file passes every check but the one under test: Encode refuses such weights, so the text is edited.
/// </summary>
internal static class HugeWeightSnapshot
{
    /// <summary>A valid 24 → 8 → 8 → 3 snapshot's JSON with every parameter at ±<paramref name="magnitude"/> (alternating).</summary>
    public static string Json(double magnitude)
    {
        var snapshot = PolicySnapshotCodecTests.Snapshot(new PolicyNetwork(24, 8, seed: 7));
        double[] parameters = [.. snapshot.Parameters.Select((_, i) => i % 2 == 0 ? magnitude : -magnitude)];
        var document = JsonNode.Parse(PolicySnapshotCodec.Encode(snapshot))!.AsObject();
        document["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)JsonValue.Create(p))]);
        document["sha256"] = PolicySnapshotCodec.Hash(snapshot.Inputs, snapshot.Hidden, parameters);
        return document.ToJsonString();
    }
}
