using System.Text.Json;
using AdaptiveLoss.Benchmarks.Peer;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// <c>./bench.sh peer --smoke</c> end to end: the TorchSharp loop always runs; the PyTorch script runs when Debian's
/// python3-torch is installed (the smoke run never installs it) and is otherwise reported as skipped.
/// </summary>
[Collection(TorchSuitesCollection.Name)]
public sealed class PeerSmokeTests
{
    [Fact]
    public async Task PeerSmoke_OneAndTwoThreads_TorchSharpMeasuredAndPyTorchMeasuredOrSkipped()
    {
        using var run = await SuiteSmokeRun.StartAsync(PeerSuite.Create(), "peer.json", "--smoke");

        Assert.True(run.ExitCode == 0, run.Log);
        var rows = run.Root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("threads").GetInt32()));
        Assert.All(rows, r => Assert.True(r.GetProperty("torchSharpImagesPerSecond").GetDouble() > 0));
        Assert.Equal(105_866, run.Root.GetProperty("modelParameters").GetInt64());
        Assert.StartsWith("libtorch-", run.Root.GetProperty("versions").GetProperty("libTorch").GetString());
        Assert.Contains("## A peer: PyTorch", run.Markdown);
        var runs = run.Root.GetProperty("runs").EnumerateArray().ToArray();
        if (run.Root.GetProperty("pyTorchSkipped").ValueKind == JsonValueKind.Null)
        {
            // Installed: both sides ran, alternately, and the ratio is TorchSharp over PyTorch.
            Assert.Equal(["torchsharp", "pytorch", "torchsharp", "pytorch"], runs.Select(r => r.GetProperty("framework").GetString()));
            Assert.All(rows, r => Assert.Equal(
                r.GetProperty("torchSharpImagesPerSecond").GetDouble() / r.GetProperty("pyTorchImagesPerSecond").GetDouble(),
                r.GetProperty("ratio").GetDouble(), 9));
            Assert.All(runs, r => Assert.Equal(5 * 128, r.GetProperty("images").GetInt64()));
            Assert.NotNull(run.Root.GetProperty("versions").GetProperty("pyTorch").GetString());
        }
        else
        {
            AssertSkipped(run, runs);
        }
    }

    [Fact]
    public async Task PeerSmoke_PythonWithoutTorch_SkipsPyTorchAndStillRunsTorchSharp()
    {
        using var run = await SuiteSmokeRun.StartAsync(PeerSuite.Create(), "peer.json", "--smoke", "--threads", "1", "--batches", "2", "--python", "/bin/false");

        Assert.True(run.ExitCode == 0, run.Log);
        var runs = run.Root.GetProperty("runs").EnumerateArray().ToArray();
        AssertSkipped(run, runs);
        Assert.Equal(2 * 128, runs.Single().GetProperty("images").GetInt64());
        Assert.Contains(PeerSuite.NotInstalled, run.Markdown);
    }

    private static void AssertSkipped(SuiteSmokeRun run, JsonElement[] runs)
    {
        Assert.Equal(PeerSuite.NotInstalled, run.Root.GetProperty("pyTorchSkipped").GetString());
        Assert.Equal("skipped: python3-torch not installed", PeerSuite.NotInstalled);
        Assert.All(runs, r => Assert.Equal("torchsharp", r.GetProperty("framework").GetString()));
        Assert.All(run.Root.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("ratio").ValueKind));
    }
}
