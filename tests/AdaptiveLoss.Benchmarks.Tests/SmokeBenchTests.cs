using System.Diagnostics;
using System.Text.Json;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The smoke budget end to end: the four arms as real <c>ala run</c> processes (the CLI built next to these tests) on
/// tiny Fashion-MNIST, then the analysis. Keeps the benchmark working in CI; says nothing about the method.
/// </summary>
public sealed class SmokeBenchTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();
    private readonly StringWriter _log = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EffectSmoke_ThroughAla_EveryArmWithTwoPairedChildrenAndEveryFigureKey()
    {
        Assert.True(File.Exists(RepositoryPaths.CliDll), $"the CLI is not built at {RepositoryPaths.CliDll}");
        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(Limit);

        var rc = await BenchApp.RunAsync(
            ["effect", "--budget", "smoke", "--out", _temp.Combine("out"), "--runs", _temp.Combine("runs"), "--ala", RepositoryPaths.CliDll],
            [new EffectSuite()], new ReportingFigureRenderer(), _log, _error, limit.Token);

        Assert.True(rc == 0, $"exit {rc} after {clock.Elapsed}\n{_log}\n{_error}");
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "effect-smoke.json")));
        var arms = json.RootElement.GetProperty("arms").EnumerateArray().ToArray();
        Assert.Equal(["ce", "ala", "frozen", "paper"], arms.Select(a => a.GetProperty("arm").GetString()));
        Assert.All(arms, a => Assert.Equal([1, 2], a.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("seed").GetInt32())));
        Assert.All(arms.Skip(1), a => Assert.Equal(2, a.GetProperty("versusCe").GetProperty("seeds").GetArrayLength()));
        // Each run keeps its state in its own folder, never in the working directory's state/ (stale ids would refuse it).
        Assert.All(["ce", "ala", "frozen", "paper"], arm => Assert.True(Directory.Exists(_temp.Combine("runs", "smoke", arm, "state", "runs")), arm));
        Assert.Equal(FigureKeys.All.Select(f => f.Key).Order(), json.RootElement.GetProperty("figures").EnumerateObject().Select(p => p.Name).Order());
        // The reward plot needs results.json only; the others are drawn exactly when the CLI wrote history.json.
        var hasHistory = File.Exists(_temp.Combine("runs", "smoke", "ala", "history.json"));
        foreach (var (key, _) in FigureKeys.All)
        {
            var file = json.RootElement.GetProperty("figures").GetProperty(key).GetProperty("file");
            Assert.Equal(hasHistory || key == FigureKeys.RewardPerRound, file.ValueKind == JsonValueKind.String);
            Assert.True(file.ValueKind != JsonValueKind.String || File.Exists(_temp.Combine("out", "results", file.GetString()!)), key);
        }

        // Frozen: the policy never updates while Φ still moves; the learning arm updates once per round.
        Assert.Equal(0, arms[2].GetProperty("signals").GetProperty("policy").GetProperty("updates").GetInt64());
        Assert.True(arms[1].GetProperty("signals").GetProperty("policy").GetProperty("updates").GetInt64() > 0);
        Assert.Contains("--freeze-policy", arms[2].GetProperty("command").GetString());
        Assert.Equal("bench-run.json", arms[2].GetProperty("commandSource").GetString());
        Assert.Contains("### Effect, smoke budget", File.ReadAllText(_temp.Combine("out", "results.md")));
    }

    [Fact]
    public async Task AblationsSmoke_ThroughAla_EveryVariantPairedWithCrossEntropy()
    {
        using var limit = new CancellationTokenSource(Limit);

        var rc = await BenchApp.RunAsync(
            ["ablations", "--smoke", "--out", _temp.Combine("out"), "--runs", _temp.Combine("runs"), "--ala", RepositoryPaths.CliDll],
            [new AblationSuite()], new NoFigureRenderer(), _log, _error, limit.Token);

        Assert.True(rc == 0, $"exit {rc}\n{_log}\n{_error}");
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "ablations.json")));
        var variants = json.RootElement.GetProperty("variants").EnumerateArray().ToArray();
        Assert.Equal(["ce", "sign", "children1"], variants.Select(v => v.GetProperty("arm").GetString()));
        Assert.All(variants, v => Assert.True(v.GetProperty("present").GetBoolean()));
        Assert.Equal([1, 2], variants[1].GetProperty("versusCe").GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal([1], variants[2].GetProperty("versusCe").GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal("sign (+1/0/-1)", variants[1].GetProperty("signals").GetProperty("rewards").GetProperty("unit").GetString());
        Assert.Contains("### Ablations", File.ReadAllText(_temp.Combine("out", "results.md")));
    }

    [Fact]
    public async Task TransferSmoke_ThroughAla_LearnedPolicyDrivesBothTasksPairedWithCeAndRandom()
    {
        using var limit = new CancellationTokenSource(Limit);

        var rc = await BenchApp.RunAsync(
            ["transfer", "--smoke", "--out", _temp.Combine("out"), "--runs", _temp.Combine("runs"), "--ala", RepositoryPaths.CliDll],
            [new TransferSuite()], new NoFigureRenderer(), _log, _error, limit.Token);

        Assert.True(rc == 0, $"exit {rc}\n{_log}\n{_error}");
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "transfer.json")));
        var learned = json.RootElement.GetProperty("learnedPolicy").GetString()!;
        Assert.StartsWith("transfer-learn@", learned, StringComparison.Ordinal);
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(["fresh", "classes5"], tasks.Select(t => t.GetProperty("task").GetString()));
        foreach (var task in tasks)
        {
            var arms = task.GetProperty("arms").EnumerateArray().ToArray();
            Assert.Equal(["ce", "learned", "random", "continued"], arms.Select(a => a.GetProperty("arm").GetString()));
            Assert.All(arms, a => Assert.Equal([101, 102], a.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("seed").GetInt32())));
            Assert.Equal(2, task.GetProperty("learnedVsRandom").GetProperty("seeds").GetArrayLength());
            // The frozen learned policy never updates; the continued one does, from the learned weights.
            Assert.Equal(0, arms[1].GetProperty("signals").GetProperty("policy").GetProperty("updates").GetInt64());
            Assert.Contains($"--policy {learned} --freeze-policy", arms[1].GetProperty("command").GetString(), StringComparison.Ordinal);
            Assert.True(arms[3].GetProperty("signals").GetProperty("policy").GetProperty("updates").GetInt64() > 0);
        }

        Assert.False(json.RootElement.GetProperty("ship").GetProperty("helps").GetBoolean());
        Assert.Contains("#### Task classes5", File.ReadAllText(_temp.Combine("out", "results.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferPairFlipSmoke_ThroughAla_LearnedOnPairFlipAppliedToEveryTaskWithTheDesignOnAlaArmsOnly()
    {
        // Three tasks of four arms: longer than the other smoke runs.
        using var limit = new CancellationTokenSource(2 * Limit);

        var rc = await BenchApp.RunAsync(
            ["transfer", "--smoke", "--task", "pairflip", "--design", "--policy-lr 0.03", "--out", _temp.Combine("out"), "--runs", _temp.Combine("runs"), "--ala", RepositoryPaths.CliDll],
            [new TransferSuite()], new NoFigureRenderer(), _log, _error, limit.Token);

        Assert.True(rc == 0, $"exit {rc}\n{_log}\n{_error}");
        Assert.False(File.Exists(_temp.Combine("out", "transfer.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "transfer-pairflip.json")));
        var learned = json.RootElement.GetProperty("learnedPolicy").GetString()!;
        Assert.StartsWith("transfer-pairflip-learn@", learned, StringComparison.Ordinal);
        Assert.Equal("--policy-lr 0.03", json.RootElement.GetProperty("design").GetString());
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(["fresh", "pairs", "longtail10"], tasks.Select(t => t.GetProperty("task").GetString()));
        foreach (var task in tasks)
        {
            var arms = task.GetProperty("arms").EnumerateArray().ToArray();
            Assert.All(arms, a => Assert.Equal([101, 102], a.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("seed").GetInt32())));
            Assert.DoesNotContain("--policy-lr", arms[0].GetProperty("command").GetString(), StringComparison.Ordinal);
            Assert.Contains($"--policy {learned} --freeze-policy --policy-lr 0.03", arms[1].GetProperty("command").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, task.GetProperty("learnedVsRandom").GetProperty("seeds").GetArrayLength());
        }

        Assert.Equal("balancedError", tasks[2].GetProperty("headline").GetString());
        Assert.Contains("### Transfer, pairflip smoke plan", File.ReadAllText(_temp.Combine("out", "results.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MismatchSmoke_ThroughAla_BothTasksEveryArmPairedAndTheBestStaticChosen()
    {
        using var limit = new CancellationTokenSource(Limit);

        var rc = await BenchApp.RunAsync(
            ["mismatch", "--smoke", "--out", _temp.Combine("out"), "--runs", _temp.Combine("runs"), "--ala", RepositoryPaths.CliDll],
            [new MismatchSuite()], new ReportingFigureRenderer(), _log, _error, limit.Token);

        Assert.True(rc == 0, $"exit {rc}\n{_log}\n{_error}");
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "mismatch.json")));
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(["clean", "pairflip0.4"], tasks.Select(t => t.GetProperty("task").GetString()));
        foreach (var task in tasks)
        {
            var arms = task.GetProperty("arms").EnumerateArray().ToArray();
            Assert.Equal(["ce", "ce+early-stop", "phi-all0.1", "ala", "frozen"], arms.Select(a => a.GetProperty("arm").GetString()));
            Assert.All(arms, a => Assert.True(a.GetProperty("present").GetBoolean()));
            Assert.All(arms.Skip(1), a => Assert.Equal(2, a.GetProperty("headline").GetProperty("versusCe").GetProperty("seeds").GetArrayLength()));
            Assert.Equal(2, task.GetProperty("alaVsFrozen").GetProperty("end").GetProperty("seeds").GetArrayLength());
            Assert.NotEqual(JsonValueKind.Null, task.GetProperty("bestStatic").GetProperty("arm").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, task.GetProperty("alaPhi").ValueKind);
            // Runs of this CLI record Φ per window, so the distance from Φ* has a trajectory per child and a paired run mean.
            var distance = task.GetProperty("phiDistance");
            Assert.Equal("phi-all0.1", distance.GetProperty("bestStaticPhi").GetString());
            var alaDistance = distance.GetProperty("arms")[0];
            Assert.True(alaDistance.GetProperty("trajectories").GetBoolean());
            Assert.All(alaDistance.GetProperty("children").EnumerateArray(), c => Assert.True(c.GetProperty("perWindow").GetArrayLength() > 0));
            Assert.Equal(2, distance.GetProperty("learning")[0].GetProperty("runMean").GetProperty("seeds").GetArrayLength());
        }

        Assert.Contains("#### Task pairflip0.4", File.ReadAllText(_temp.Combine("out", "results.md")), StringComparison.Ordinal);
    }
}
