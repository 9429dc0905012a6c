using AdaptiveLoss.Benchmarks.Cluster;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// <c>./bench.sh cluster --smoke</c> end to end: a real redis-server, two real <c>ala-silo</c> processes and two
/// concurrent <c>ala run --cluster</c> sharing one policy (the Debug builds of this test run), watched from outside.
/// </summary>
[Collection(TorchSuitesCollection.Name)]
public sealed class ClusterSmokeTests
{
    [Fact]
    public async Task ClusterSmoke_TwoExperimentsOnOnePolicy_EveryWindowInExactlyOneRoundAndEveryChildPlaced()
    {
        using var run = await SuiteSmokeRun.StartAsync(ClusterLoadSuite.Create(), "cluster.json", "--smoke",
            "--ala-dll", RepositoryPaths.CliDll, "--silo-dll", RepositoryPaths.SiloDll);

        Assert.True(run.ExitCode == 0, run.Log);
        var root = run.Root;
        Assert.Equal(2, root.GetProperty("runsSucceeded").GetInt32());
        var counted = root.GetProperty("countedWindows").GetInt32();
        Assert.True(counted >= 4, $"each of the 4 children counts at least one window ({counted})");
        Assert.Equal((counted, counted, 0, 0), (root.GetProperty("transitions").GetInt32(), root.GetProperty("distinctTransitions").GetInt32(),
            root.GetProperty("lost").GetInt32(), root.GetProperty("doubled").GetInt32()));
        Assert.Equal(4, root.GetProperty("childrenPerSilo").EnumerateArray().Sum(c => c.GetInt32()));
        Assert.True(root.GetProperty("pollMs").GetProperty("n").GetInt32() > 2);
        Assert.Contains("## A cluster under load", run.Markdown);
        Assert.Contains("| lost / doubled transitions | **0 / 0** (target 0 / 0) |", run.Markdown);
    }
}
