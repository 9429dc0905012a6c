using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Benchmarks.Peer;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The costs and peer suites' flags: the issue's defaults, smoke sizes, and bad input that runs and writes nothing.</summary>
public sealed class CostsFlagsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CostsParse_NoFlags_TheIssueDefaults()
    {
        var o = CostsOptions.Parse([]);

        Assert.Equal((2, 20_000, 1, 200, 1, 5000, 2), (o.Children, o.TrainLimit, o.Epochs, o.Window, o.Seed, o.ValidationSize, o.Repeats));
        Assert.Equal((2000, 500, 4), (o.DecideCalls, o.UpdateRounds, o.UpdateChildren));
        Assert.Equal([1, 10, 100, 1000, 10000], o.ScaleChildren);
        Assert.False(o.Smoke);
    }

    [Fact]
    public void CostsParse_SmokeWithAFlag_TinySizesAndTheFlagWins()
    {
        var o = CostsOptions.Parse(["--smoke", "--repeats", "3", "--scale-children=1,5"]);

        Assert.True(o.Smoke);
        Assert.Equal((512, 256, 3), (o.TrainLimit, o.ValidationSize, o.Repeats));
        Assert.Equal([1, 5], o.ScaleChildren);
        Assert.EndsWith(Path.Combine("bench", "smoke", "costs.json"), o.OutPath);
    }

    [Fact]
    public void PeerParse_NoFlags_TheIssueDefaults()
    {
        var o = PeerOptions.Parse([]);

        Assert.Equal((300, 20, 128, 2), (o.Batches, o.WarmupBatches, o.BatchSize, o.Repeats));
        Assert.Equal([1, 2], o.Threads);
        Assert.Equal("/usr/bin/python3", o.Python);
        Assert.True(o.Install);
        Assert.False(PeerOptions.Parse(["--smoke"]).Install);
    }

    [Fact]
    public void DeclaredFlags_EachOne_IsReadByTheSuitesOwnParser()
    {
        Assert.All(CostsSuite.ValueFlags, flag => CostsOptions.Parse([flag, "1"]));
        Assert.All(CostsSuite.Switches, flag => CostsOptions.Parse([flag]));
        Assert.All(PeerSuite.ValueFlags, flag => PeerOptions.Parse([flag, "1"]));
        Assert.All(PeerSuite.Switches, flag => PeerOptions.Parse([flag]));
    }

    [Theory]
    [InlineData("costs", "--repeats", "0")]
    [InlineData("costs", "--scale-children", "1,x")]
    [InlineData("costs", "--window", "-3")]
    [InlineData("costs", "--bogus", "1")]
    [InlineData("peer", "--threads", "0,1")]
    [InlineData("peer", "--lr", "nan")]
    public async Task Dispatcher_BadFlag_ExitsTwoAndWritesNothing(string suite, string flag, string value)
    {
        var (log, error) = (new StringWriter(), new StringWriter());
        var rc = await BenchApp.RunAsync([suite, flag, value, "--out", _temp.Combine("out")], [CostsSuite.Create(), PeerSuite.Create()],
            new Figures.NoFigureRenderer(), log, error, CancellationToken.None);

        Assert.Equal(2, rc);
        Assert.StartsWith("bench: ", error.ToString());
        Assert.Contains(flag, error.ToString());
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }
}
