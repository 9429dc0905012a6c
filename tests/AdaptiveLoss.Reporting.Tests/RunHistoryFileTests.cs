using System.Text.Json;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Reporting.Tests;

public sealed class RunHistoryFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ala-history-{Guid.NewGuid():N}");

    private static RunHistory History => RunHistoryBuilder.Build(Statuses.Options, Statuses.Experiment(), Statuses.Policy());

    [Fact]
    public void Serialize_History_CamelCaseKeysAndEnumsAsStrings()
    {
        using var json = JsonDocument.Parse(RunHistoryFile.Serialize(History));
        var root = json.RootElement;

        Assert.Equal(["format", "experimentId", "state", "elapsedSeconds", "options", "policy", "children", "rewards"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("completed", root.GetProperty("state").GetString());
        Assert.Equal("fashionMnist", root.GetProperty("options").GetProperty("task").GetString());
        Assert.Equal(0.05, root.GetProperty("options").GetProperty("beta").GetDouble());
        var child = root.GetProperty("children")[0];
        Assert.Equal(9, child.GetProperty("finalPhi").GetArrayLength());
        var window = child.GetProperty("windows")[2];
        Assert.Equal([2, 2, 1], window.GetProperty("actionCounts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(JsonValueKind.Null, window.GetProperty("discardReason").ValueKind);
        Assert.Equal(1, root.GetProperty("rewards")[2].GetProperty("policyVersion").GetInt64());
    }

    [Fact]
    public void WriteThenRead_History_RoundTripsEveryField()
    {
        var path = RunHistoryFile.Write(_directory, History);
        var read = RunHistoryFile.Read(path);

        Assert.Equal(Path.Combine(_directory, "history.json"), path);
        Assert.Equal(RunHistoryFile.Serialize(History), RunHistoryFile.Serialize(read));
        Assert.Equal(Statuses.Options, read.Options);
        Assert.Equal(History.Rewards, read.Rewards);
        Assert.Equal([2, 2, 1], read.Children[0].Windows[2].ActionCounts);
        Assert.Equal((ChildState.Failed, (double[]?)null), (read.Children[2].State, read.Children[2].FinalPhi));
    }

    [Fact]
    public void WriteThenRead_WindowPhi_RoundTripsAsNumbers()
    {
        var status = Statuses.Experiment();
        var window = Statuses.Window(0, 0.2, [1, 1, 1]) with { PhiPairs = [0.1f, -0.2f, 0.05f] };
        var history = RunHistoryBuilder.Build(Statuses.Options, status with { Children = [Statuses.Failed(0, 1) with { Windows = [window] }] }, Statuses.Policy());

        var text = RunHistoryFile.Serialize(history);
        var read = RunHistoryFile.Deserialize(text);

        Assert.Equal([0.1f, -0.2f, 0.05f], read.Children[0].Windows[0].PhiPairs!);
        using var json = JsonDocument.Parse(text);
        var pairs = json.RootElement.GetProperty("children")[0].GetProperty("windows")[0].GetProperty("phiPairs");
        Assert.Equal(["0.1", "-0.2", "0.05"], pairs.EnumerateArray().Select(e => e.GetRawText()));
    }

    [Fact]
    public void Read_HistoryWrittenBeforeWindowPhi_ReadsWithNullPhi()
    {
        using var json = JsonDocument.Parse(RunHistoryFile.Serialize(History));
        var old = JsonSerializer.Serialize(WithoutPhiPairs(json.RootElement));
        Assert.DoesNotContain("phiPairs", old);

        var read = RunHistoryFile.Deserialize(old);

        Assert.All(read.Children.SelectMany(c => c.Windows), w => Assert.Null(w.PhiPairs));
        Assert.Equal([2, 2, 1], read.Children[0].Windows[2].ActionCounts);
    }

    // The element with every "phiPairs" property removed, as a file written before the field existed.
    private static object? WithoutPhiPairs(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name != "phiPairs").ToDictionary(p => p.Name, p => WithoutPhiPairs(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(WithoutPhiPairs).ToArray(),
        _ => element.Clone(),
    };

    [Fact]
    public void WriteThenRead_NonFiniteMetric_Kept()
    {
        var status = Statuses.Experiment();
        var diverged = status with { Children = [Statuses.Failed(0, 1) with { Windows = [Statuses.Window(0, double.NaN, [1, 1, 1])] }] };

        var read = RunHistoryFile.Read(RunHistoryFile.Write(_directory, RunHistoryBuilder.Build(Statuses.Options, diverged, Statuses.Policy())));

        Assert.True(double.IsNaN(read.Children[0].Windows[0].ValidationError));
    }

    [Fact]
    public void Write_Twice_OverwritesAndLeavesNoTemporaryFile()
    {
        RunHistoryFile.Write(_directory, History);
        RunHistoryFile.Write(_directory, History with { ExperimentId = "second" });

        Assert.Equal(["history.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        Assert.Equal("second", RunHistoryFile.Read(Path.Combine(_directory, "history.json")).ExperimentId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"experimentId\": \"x\"}")]
    [InlineData("null")]
    public void Deserialize_NotAHistory_InvalidDataException(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => RunHistoryFile.Deserialize(json));

        Assert.StartsWith("not a run history", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
