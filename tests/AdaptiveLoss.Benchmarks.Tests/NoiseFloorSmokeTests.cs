using AdaptiveLoss.Benchmarks.NoiseFloor;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// <c>./bench.sh noise-floor --smoke</c> end to end on real (tiny) training: every design measured, the report section
/// written, and the siblings' repeated branch bit-identical (common random numbers reproduce the training exactly).
/// </summary>
[Collection(TorchSuitesCollection.Name)]
public sealed class NoiseFloorSmokeTests
{
    [Fact]
    public async Task NoiseFloorSmoke_TwoStates_SixDesignsAndIdenticalRepeats()
    {
        using var run = await SuiteSmokeRun.StartAsync(NoiseFloorSuite.Create(), NoiseFloorOptions.FileName, "--smoke");

        Assert.True(run.ExitCode == 0, run.Log);
        var designs = run.Root.GetProperty("designs").EnumerateArray().ToArray();
        Assert.Equal(6, designs.Length);
        Assert.All(designs, d => Assert.Equal([0.02, 0.2], d.GetProperty("effects").EnumerateArray().Select(e => e.GetProperty("beta").GetDouble())));
        var states = run.Root.GetProperty("states").EnumerateArray().ToArray();
        Assert.Equal([1, 2], states.Select(s => s.GetProperty("seed").GetInt32()));
        Assert.All(states, s => Assert.Equal(s.GetProperty("keep").GetDouble(), s.GetProperty("keepAgain").GetDouble()));
        Assert.All(states, s => Assert.Equal(2, s.GetProperty("keepOtherBatches").GetArrayLength()));
        Assert.Equal(0, designs[2].GetProperty("sigma").GetDouble());
        Assert.Contains("## Reward noise floor", run.Markdown);
    }

    [Fact]
    public async Task NoiseFloorSmoke_TwoWindowsAllPairs_DesignsPerHorizonAndTheKeepBranchesAgree()
    {
        using var run = await SuiteSmokeRun.StartAsync(NoiseFloorSuite.Create(), NoiseFloorOptions.HorizonFileName, "--smoke", "--horizon", "2", "--all-pairs",
            "--betas", "0.2");

        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal(2, run.Root.GetProperty("horizon").GetInt32());
        var designs = run.Root.GetProperty("designs").EnumerateArray().ToArray();
        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], designs.Select(d => d.GetProperty("horizon").GetInt32()));
        Assert.All(designs, d => Assert.Equal(["pair 0-6", "all pairs"], d.GetProperty("effects").EnumerateArray().Select(e => e.GetProperty("target").GetString())));
        var states = run.Root.GetProperty("states").EnumerateArray().ToArray();
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], states.Select(s => (s.GetProperty("seed").GetInt32(), s.GetProperty("horizon").GetInt32())));
        Assert.All(states, s => Assert.Equal(s.GetProperty("keep").GetDouble(), s.GetProperty("keepAgain").GetDouble()));
        Assert.Contains("## Reward noise floor over longer horizons", run.Markdown);
    }
}
