using System.Text.Json;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// <c>./bench.sh costs --smoke</c> end to end, in this process: the bare loop and the grains train the same two
/// children, the coordinator is timed on an embedded silo, and costs.json carries every figure of the costs suite.
/// The numbers themselves mean nothing at this size; the tests check that each is there and consistent.
/// </summary>
[Collection(TorchSuitesCollection.Name)]
public sealed class CostsSmokeTests(CostsSmokeFixture fixture) : IClassFixture<CostsSmokeFixture>
{
    private SuiteSmokeRun Run => fixture.Run;

    [Fact]
    public void CostsSmoke_Dispatcher_ExitsZeroAndRendersTheCostsSection()
    {
        Assert.True(Run.ExitCode == 0, Run.Log);
        Assert.True(Run.Root.GetProperty("smoke").GetBoolean());
        Assert.Contains("## What it costs", Run.Markdown);
        Assert.Contains("**(a) Throughput: bare loop vs grains on an embedded silo**", Run.Markdown);
        Assert.Contains("**(c) Coordinator scale with simulated children (no training)**", Run.Markdown);
        Assert.Contains("**(d) The policy's arithmetic, before and after batching (same rows, no Orleans)**", Run.Markdown);
        Assert.Contains("**(e) The children's CPU: before and after the child tuning (CNN, part (a)'s experiment, grains)**", Run.Markdown);
        Assert.Contains("**(f) Memory: per running child, per silo, and children queued for the silo's slots**", Run.Markdown);
        Assert.Equal(6, Run.Root.GetProperty("tables").GetArrayLength());
    }

    [Fact]
    public void CostsSmoke_Arithmetic_ReferenceAndBatchedTimesPerChildCountAndTheFigure()
    {
        var rows = Run.Root.GetProperty("arithmetic").EnumerateArray().ToArray();
        Assert.Equal([1, 10, 100], rows.Select(r => r.GetProperty("children").GetInt32()));
        foreach (var row in rows)
        {
            Assert.Equal(45 * row.GetProperty("children").GetInt32(), row.GetProperty("rows").GetInt32());
            Assert.All(new[] { "referenceUpdateMs", "batchedUpdateMs", "referenceDecideMs", "batchedDecidePerChildMs", "batchedDecideAllMs" },
                name => Positive(row, name));
        }

        var figure = Assert.Single(Run.Root.GetProperty("figures").EnumerateArray());
        Assert.Equal("costs-scale.png", figure.GetProperty("file").GetString());
        Assert.Equal(3, figure.GetProperty("lines").GetArrayLength());
        Assert.Contains($"]({Path.GetFileName(Run.FiguresDirectory)}/costs-scale.png)", Run.Markdown);
        Assert.True(File.Exists(Path.Combine(Run.FiguresDirectory, "costs-scale.png")), "the report draws the figure");
    }

    [Fact]
    public void CostsSmoke_Throughput_BareAndGrainsTrainTheSameChildrenAndGiveTheirRatio()
    {
        var a = Run.Root.GetProperty("throughput");
        var runs = a.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["bare", "grains"], runs.Select(r => r.GetProperty("mode").GetString()));
        // 2 children × 512 images; 4 iterations each in windows of 2 → 2 rounds → 2 policy updates in both modes.
        Assert.All(runs, r => Assert.Equal(1024, r.GetProperty("trainingImages").GetInt64()));
        Assert.All(runs, r => Assert.Equal(2, r.GetProperty("policyUpdates").GetInt64()));
        Assert.All(runs, r => Assert.Equal(r.GetProperty("trainingImages").GetInt64() / r.GetProperty("wallSeconds").GetDouble(), r.GetProperty("imagesPerSecond").GetDouble(), 6));
        Assert.True(runs[1].GetProperty("clientWallSeconds").GetDouble() >= runs[1].GetProperty("wallSeconds").GetDouble() * 0.9);
        var bare = Positive(a, "bareImagesPerSecond");
        var grains = Positive(a, "grainsImagesPerSecond");
        Assert.Equal(grains / bare, Positive(a, "ratio"), 9);
        Assert.Equal(Positive(a, "grainsChildrenImagesPerSecond") / Positive(a, "bareChildrenImagesPerSecond"), Positive(a, "childrenRatio"), 9);
        Assert.Equal(0.97, a.GetProperty("target").GetDouble());
    }

    /// <summary>
    /// Part (e): before and after arms alternate, each a process of its own with the tuning as asked; with the tuning the
    /// children's process faults in fewer pages (the allocator keeps the tensors' buffers), whatever the machine's load.
    /// </summary>
    [Fact]
    public void CostsSmoke_Tuning_AlternatingArmsAndFewerPageFaultsWithTheTuning()
    {
        var arms = Run.Root.GetProperty("tuning").EnumerateArray().ToArray();
        Assert.Equal(["off", "on"], arms.Select(a => a.GetProperty("tuning").GetString()));
        Assert.All(arms, a => Assert.Equal(1024, a.GetProperty("run").GetProperty("trainingImages").GetInt64()));
        Assert.All(arms, a => Assert.True(a.GetProperty("userSeconds").GetDouble() > 0 && a.GetProperty("bareImagesPerSecond").GetDouble() > 0));
        Assert.All(arms, a => Assert.True(a.GetProperty("peakGflops").GetDouble() > 0));
        Assert.True(arms[1].GetProperty("minorFaults").GetInt64() < arms[0].GetProperty("minorFaults").GetInt64(), Run.Log);
    }

    /// <summary>Part (f): 4 × the slots in children complete, queued, within a generous bound of the slots' run's peak memory.</summary>
    [Fact]
    public void CostsSmoke_Memory_ManyMoreChildrenThanSlotsCompleteWithBoundedMemory()
    {
        var arms = Run.Root.GetProperty("memory").EnumerateArray().ToArray();
        Assert.Equal(4, arms.Length);
        Assert.Equal([(1, 1), (4, 4)], arms[..2].Select(a => (a.GetProperty("children").GetInt32(), a.GetProperty("slots").GetInt32())));
        var slots = arms[2].GetProperty("slots").GetInt32();
        Assert.Equal(slots, arms[2].GetProperty("children").GetInt32());
        Assert.Equal(4 * slots, arms[3].GetProperty("children").GetInt32());
        Assert.True(arms[3].GetProperty("peakRssBytes").GetInt64() < 1.5 * arms[2].GetProperty("peakRssBytes").GetInt64(), Run.Log);
        // Measured, not assumed: the shared data's tensors and a running child's checkpoint on disk.
        Assert.True(arms[0].GetProperty("dataBytes").GetInt64() > 0);
        Assert.Contains(arms, a => a.GetProperty("run").GetProperty("checkpointBytes").GetInt64() > arms[0].GetProperty("parameterBytes").GetInt64());
    }

    [Fact]
    public void CostsSmoke_Latency_DecideAndUpdateMedianAndP99AgainstAWindow()
    {
        var b = Run.Root.GetProperty("latency");
        var decide = b.GetProperty("decide");
        var update = b.GetProperty("update");
        Assert.Equal(50, decide.GetProperty("n").GetInt32());
        Assert.Equal(10, update.GetProperty("n").GetInt32());
        Assert.True(Positive(decide, "p99Ms") >= Positive(decide, "medianMs"));
        Assert.True(Positive(update, "p99Ms") >= Positive(update, "medianMs"));
        // Every timed round (and the 10 warm-up rounds) closed with a REINFORCE update.
        Assert.Equal(20, b.GetProperty("policyUpdates").GetInt64());
        var windowMs = 1000 * Positive(b, "windowSeconds");
        Assert.Equal(2 * 128 / Positive(b, "childImagesPerSecond"), windowMs / 1000, 9);
        Assert.Equal(100 * decide.GetProperty("medianMs").GetDouble() / windowMs, Positive(b, "decidePercentOfWindow"), 9);
        Assert.True(Positive(b, "decideP99PercentOfWindow") >= b.GetProperty("decidePercentOfWindow").GetDouble());
        Assert.True(Positive(b, "updatePercentOfWindow") > 0);
        Assert.Equal(1.0, b.GetProperty("targetPercent").GetDouble());
    }

    [Fact]
    public void CostsSmoke_Scale_OneRowPerChildCountWithRoundAndDecisionTimes()
    {
        var rows = Run.Root.GetProperty("scale").EnumerateArray().ToArray();
        Assert.Equal([1, 10, 100], rows.Select(r => r.GetProperty("children").GetInt32()));
        foreach (var row in rows)
        {
            var children = row.GetProperty("children").GetInt32();
            Assert.Equal(3, row.GetProperty("rounds").GetInt32());
            Assert.Equal(3, row.GetProperty("roundTimesMs").GetArrayLength());
            Assert.Equal(3 + 3, row.GetProperty("policyUpdates").GetInt64()); // 3 warm-up rounds, then 3 timed
            Assert.True(Positive(row, "roundMs") > 0 && Positive(row, "reportPhaseMs") > 0);
            Assert.Equal(Positive(row, "decidePhaseMs") / children, Positive(row, "perDecisionMs"), 9);
        }
    }

    [Fact]
    public void CostsSmoke_Json_RecordsTheMachineAndEveryParameter()
    {
        var machine = Run.Root.GetProperty("machine");
        Assert.Equal(Environment.ProcessorCount, machine.GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(machine.GetProperty("cpuModel").GetString()));
        var parameters = Run.Root.GetProperty("parameters");
        string[] expected =
        [
            "children", "trainLimit", "epochs", "window", "seed", "validationSize", "batchSize", "repeats", "warmup", "decideCalls",
            "updateRounds", "updateChildren", "scaleChildren", "scaleRounds", "scaleRoundsLarge", "dataDirectory", "smoke",
        ];
        Assert.All(expected, name => Assert.True(parameters.TryGetProperty(name, out _), $"parameters.{name} missing"));
        Assert.Equal(512, parameters.GetProperty("trainLimit").GetInt32());
        Assert.True(Run.Root.GetProperty("torchThreads").GetInt32() >= 1);
    }

    private static double Positive(JsonElement element, string name)
    {
        var value = element.GetProperty(name).GetDouble();
        Assert.True(double.IsFinite(value) && value > 0, $"{name} = {value}");
        return value;
    }
}
