using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>
/// Finite weights that still make π non-finite (±1e300 overflows the forward pass to ±∞, then NaN) are refused at
/// import, with a valid hash, in one line naming the file (docs/policy-snapshots.md).
/// </summary>
public sealed class PolicySnapshotFiniteTests
{
    [Fact]
    public void HugeWeights_WithoutTheCheck_WouldMakePiNaN()
    {
        // The premise: these weights are finite and hash correctly, yet the policy they make is not a distribution.
        var parameters = Enumerable.Range(0, PolicyNetwork.ParameterCount(24, 8)).Select(i => i % 2 == 0 ? 1e300 : -1e300).ToArray();

        var p = new PolicyNetwork(24, 8, parameters).Probabilities(Enumerable.Repeat(1f, 24).ToArray());

        Assert.Contains(p, double.IsNaN);
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e7)]
    public void Decode_WeightsBeyondTheBound_RefusedNamingTheFileAndParameter(double magnitude)
    {
        var json = HugeWeightSnapshot.Json(magnitude);

        var error = Assert.Throws<PolicySnapshotException>(() => PolicySnapshotCodec.Decode(json, "in/huge.json"));

        Assert.StartsWith("policy snapshot in/huge.json: parameter 0 is ", error.Message);
        Assert.Contains("beyond the ±1000000 a usable policy's weights stay within", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Decode_WeightsAtTheBound_Accepted()
    {
        var snapshot = PolicySnapshotCodec.Decode(HugeWeightSnapshot.Json(PolicySnapshotCodec.MaxParameterMagnitude), "ok.json");

        Assert.All(snapshot.Parameters, p => Assert.Equal(PolicySnapshotCodec.MaxParameterMagnitude, Math.Abs(p)));
    }

    [Fact]
    public void Encode_WeightsBeyondTheBound_Refused()
    {
        var snapshot = PolicySnapshotCodecTests.Snapshot(new PolicyNetwork(2, 2, seed: 1));
        snapshot.Parameters[3] = -2e6;

        var error = Assert.Throws<ArgumentException>(() => PolicySnapshotCodec.Encode(snapshot));

        Assert.Contains("parameter 3 is -2E+06, beyond the ±1000000", error.Message);
    }
}
