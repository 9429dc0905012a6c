using System.Text.Json;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Grains.Persistence;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>States as base64 float32 rows in grain storage and messages (<see cref="FloatRowsConverter"/>).</summary>
public sealed class FloatRowsConverterTests
{
    private static readonly float[][] States = [[0.1f, -2.5e-8f, float.MaxValue, 0f], [], [1f / 3f]];

    [Fact]
    public void Storage_TransitionStates_RoundTripBitExactAsBase64Rows()
    {
        var transition = new Transition("e/0", 4, States, [0, 2, 1], 0.25, 3);

        var data = AdaptiveLossStorage.Serializer.Serialize(transition);
        var back = AdaptiveLossStorage.Serializer.Deserialize<Transition>(data)!;

        Assert.Equal(States, back.States);
        using var json = JsonDocument.Parse(data.ToString());
        var rows = json.RootElement.GetProperty("states").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Equal(Convert.ToBase64String(States[0].SelectMany(BitConverter.GetBytes).ToArray()), rows[0]);
        Assert.Equal<string>(["", Convert.ToBase64String(BitConverter.GetBytes(1f / 3f))], rows[1..]);
    }

    [Fact]
    public void Storage_StatesWrittenAsNumbersByEarlierVersions_StillRead()
    {
        const string earlier = """{"childId":"e/0","window":1,"states":[[0.5,-1],[2]],"actions":[1],"reward":0.5,"policyVersion":0}""";

        var transition = AdaptiveLossStorage.Serializer.Deserialize<Transition>(BinaryData.FromString(earlier))!;

        Assert.Equal([[0.5f, -1f], [2f]], transition.States);
    }

    [Fact]
    public void Read_RowNotAWholeNumberOfFloats_ThrowsNamingTheByteCount()
    {
        var bad = """{"childId":"e/0","window":1,"states":["AAAAAAA="],"actions":[],"reward":0,"policyVersion":0}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Transition>(bad, CoreSerialization.StateOptions));

        Assert.Contains("5 bytes", error.Message);
    }

    [Fact]
    public void JsonOptions_FilesPeopleRead_KeepStatesAsNumbers()
    {
        var json = JsonSerializer.Serialize(new Transition("e/0", 0, [[0.5f]], [1], 0, 0), CoreSerialization.JsonOptions);

        Assert.Contains("\"states\":[[0.5]]", json);
    }
}
