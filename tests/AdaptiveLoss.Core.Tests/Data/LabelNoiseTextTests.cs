using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

public sealed class LabelNoiseTextTests
{
    [Fact]
    public void Parse_PairflipWithPairs_KindRateAndPairsInOrder()
    {
        var noise = LabelNoise.Parse("pairflip:0.4:0-6,2-4,5-7");

        Assert.Equal(LabelNoiseKind.PairFlip, noise.Kind);
        Assert.Equal(0.4, noise.Eta);
        Assert.Equal([new FlipPair(0, 6), new FlipPair(2, 4), new FlipPair(5, 7)], noise.Pairs);
        Assert.Equal(LabelNoise.FashionMnistPairs, noise.Pairs);
    }

    [Fact]
    public void Parse_WithoutPairs_PairsEmptyAndWithPairsFillsThem()
    {
        var noise = LabelNoise.Parse("pairflip:0.25");

        Assert.Empty(noise.Pairs);
        Assert.Equal("pairflip:0.25", noise.Format());
        Assert.Equal(LabelNoise.Parse("pairflip:0.25:0-6,2-4,5-7"), noise.WithPairs(LabelNoise.FashionMnistPairs));
        Assert.Equal(new LabelNoise(LabelNoiseKind.Symmetric, 0, []), LabelNoise.Parse("Symmetric:0"));
    }

    [Theory]
    [InlineData("pairflip:0.4:0-6,2-4,5-7")]
    [InlineData("symmetric:0.4")]
    [InlineData("pairflip:0.1:3-1")]
    [InlineData("symmetric:0.30000000000000004")]
    public void Format_Canonical_RoundTripsThroughParse(string text)
    {
        var noise = LabelNoise.Parse(text);

        Assert.Equal(text, noise.Format());
        Assert.Equal(noise, LabelNoise.Parse(noise.Format()));
    }

    [Theory]
    [InlineData("foo:0.4", "unknown noise kind 'foo' (pairflip or symmetric)")]
    [InlineData("pairflip", "missing noise rate")]
    [InlineData("pairflip:", "missing noise rate")]
    [InlineData("pairflip:abc", "noise rate 'abc' is not a number")]
    [InlineData("pairflip:1.5", "noise rate 1.5 is outside [0, 1)")]
    [InlineData("symmetric:1", "noise rate 1 is outside [0, 1)")]
    [InlineData("symmetric:-0.1", "noise rate -0.1 is outside [0, 1)")]
    [InlineData("symmetric:NaN", "noise rate NaN is outside [0, 1)")]
    [InlineData("symmetric:0.4:0-1", "symmetric noise takes no pair list")]
    [InlineData("pairflip:0.4:0-1:2", "too many ':' parts")]
    [InlineData("pairflip:0.4:0-6,2-4,5-2", "class 2 is in two pairs")]
    [InlineData("pairflip:0.4:3-3", "pair 3-3 flips a class to itself")]
    [InlineData("pairflip:0.4:0-1-2", "pair '0-1-2' is not a-b")]
    [InlineData("pairflip:0.4:0-", "pair '0-' is not a-b")]
    [InlineData("pairflip:0.4:", "pair '' is not a-b")]
    [InlineData("pairflip:0,4", "noise rate '0,4' is not a number")]
    public void Parse_Bad_ThrowsOneLineFormatException(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LabelNoise.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Equals_SamePairsInNewLists_EqualAndSameHash()
    {
        var first = new LabelNoise(LabelNoiseKind.PairFlip, 0.4, new List<FlipPair> { new(0, 6), new(2, 4) });
        var second = new LabelNoise(LabelNoiseKind.PairFlip, 0.4, [new FlipPair(0, 6), new FlipPair(2, 4)]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Pairs = [new FlipPair(2, 4), new FlipPair(0, 6)] });
        Assert.NotEqual(first, second with { Eta = 0.3 });
        Assert.NotEqual(first, second with { Kind = LabelNoiseKind.Symmetric });
    }

    [Fact]
    public void Json_WebDefaultsCamelCaseEnums_RoundTrips()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        var noise = LabelNoise.Parse("pairflip:0.4:0-6,2-4,5-7");

        var json = JsonSerializer.Serialize(noise, options);
        var back = JsonSerializer.Deserialize<LabelNoise>(json, options);

        Assert.Equal("""{"kind":"pairFlip","eta":0.4,"pairs":[{"a":0,"b":6},{"a":2,"b":4},{"a":5,"b":7}]}""", json);
        Assert.Equal(noise, back);
    }

    [Fact]
    public void Problem_ValidAndInvalidForClasses_OneLineMessages()
    {
        Assert.Null(LabelNoise.Parse("pairflip:0.4:0-6,2-4,5-7").Problem(10));
        Assert.Null(LabelNoise.Parse("symmetric:0.4").Problem(2));
        Assert.Equal("pair 5-7 names class 7, outside [0, 7)", LabelNoise.Parse("pairflip:0.4:0-6,2-4,5-7").Problem(7));
        Assert.Equal("pair-flip noise needs at least one pair", LabelNoise.Parse("pairflip:0.4").Problem(10));
        Assert.Equal("symmetric noise needs at least 2 classes, the task has 1", LabelNoise.Parse("symmetric:0.4").Problem(1));
        Assert.Equal("noise rate 1 is outside [0, 1)", new LabelNoise(LabelNoiseKind.Symmetric, 1, []).Problem(3));
    }
}
