using System.Text.Json;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>The mismatch suite through the dispatcher on hand-made runs: mismatch.json, its markdown, its PNGs, bad input.</summary>
public sealed class MismatchReportTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly StringWriter _log = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _temp.Dispose();

    private string Out => _temp.Combine("out");

    private Task<int> RunAsync(IFigureRenderer figures, params string[] args) =>
        BenchApp.RunAsync([.. args, "--runs", _temp.Combine("runs"), "--out", Out], [new MismatchSuite(), new AnalyseSuite()], figures, _log, _error, CancellationToken.None);

    [Fact]
    public async Task Analyse_PartialRuns_ReportWithAbsentArmsFlaggedAndExitOne()
    {
        MismatchFixture.Write(_temp.Combine("runs"));

        var rc = await RunAsync(new NoFigureRenderer(), "analyse");

        Assert.Equal(1, rc);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "mismatch.json")));
        Assert.Equal("mismatch", json.RootElement.GetProperty("kind").GetString());
        var markdown = File.ReadAllText(Path.Combine(Out, "results.md"));
        Assert.Contains("\n## Mismatch tasks\n", markdown);
        Assert.Contains("#### Task pairflip0.4: 40 % pair-flip label noise on the training split (flags: --label-noise pairflip:0.4; headline: test error)", markdown);
        Assert.Contains("| ls0.2 | static | absent (no results.json) |", markdown);
        Assert.Contains("| ala | ala | 40 | 0.25 | 25.50 ± 1.29 (n = 4) | -7.50 [-9.55, -5.45] (n = 4) | -3.00 [-3.00, -3.00] (n = 4) |", markdown);
        Assert.Contains("| ce+early-stop | derived | (40, ce's run) | 0.26 | 28.00 ± 2.58 (n = 4) | -5.00 [-5.00, -5.00] (n = 4) |", markdown);
        Assert.Contains("| phi-all0.1 (best static) | static |", markdown);
        Assert.Contains("| ala − frozen (learning control) |  |  |  |  | -2.00 [-2.00, -2.00] (n = 4) |", markdown);
        Assert.Contains("Best static baseline: **phi-all0.1** (lowest mean validation error among ce 0.31, ce+early-stop 0.26, ls0.1 0.28, phi-all0.1 0.25, phi-flip-neg0.2 0.255); its sweep cost 156 child-epochs (5 candidates; ALA: 40).", markdown);
        Assert.Contains("| phi-all0.1 | 0.25 | 28.50 | yes |", markdown);
        Assert.Contains("| ce+posthoc-la | derived | (40, ce's run) | — | 33.50 ± 1.29 (n = 4) | -6.50 [-8.55, -4.45] (n = 4) |", markdown);
        Assert.Contains("- mismatch/pairflip0.4/ls0.2: no results.json (not run yet, still running, or failed)", markdown);
        // Distance from Φ* = phi-all0.1 (‖I − Φ*‖ = √90 · 0.1): no history.json, so d_end only, from results.json's final Φ.
        Assert.Contains("Distance of Φ from the best static Φ* = **phi-all0.1** (chosen on validation)", markdown);
        Assert.Contains("‖I − Φ*‖ = 0.949", markdown);
        Assert.Contains("| ala | 4 | — | 0.712 ± 0.122 | — | none (d_end from results.json's final Φ) |", markdown);
        Assert.Contains("| ala − frozen (paired) |  |  | 0.000 [0.000, 0.000] (n = 4) | — |  |", markdown);
        var distance = json.RootElement.GetProperty("tasks")[3].GetProperty("phiDistance");
        Assert.Equal("phi-all0.1", distance.GetProperty("bestStaticPhi").GetString());
        Assert.Equal(JsonValueKind.Null, distance.GetProperty("arms")[0].GetProperty("children")[0].GetProperty("perWindow").ValueKind);
    }

    [Fact]
    public async Task Analyse_WithPlotter_BarsAndBothPhiHeatmapsDrawnAndLinkedSideBySide()
    {
        MismatchFixture.Write(_temp.Combine("runs"));

        await RunAsync(new ReportingFigureRenderer(), "analyse");

        var figures = Path.Combine(Out, "results");
        Assert.All(["bars", "phi-ala", "phi-static"], name => Assert.True(IsPng(Path.Combine(figures, $"mismatch-pairflip0.4-{name}.png")), name));
        var markdown = File.ReadAllText(Path.Combine(Out, "results.md"));
        Assert.Contains("![Headline test metric per arm, mean over children with 95 % t-intervals](results/mismatch-pairflip0.4-bars.png)", markdown);
        Assert.Contains("(results/mismatch-pairflip0.4-phi-ala.png) ![Best static Φ of the sweep (by validation)](results/mismatch-pairflip0.4-phi-static.png)", markdown);
        Assert.Contains("- Φ learned by ALA (best child by validation): the ala arm has no Φ matrix in results.json", markdown);
    }

    [Theory]
    [InlineData("--tasks", "clean,nope")]
    [InlineData("--arms", "ce,nope")]
    [InlineData("--tasks", ",")]
    [InlineData("--jobs", "0")]
    public async Task Mismatch_BadInput_ExitTwoOneLineNothingRun(string flag, string value)
    {
        var rc = await RunAsync(new NoFigureRenderer(), "mismatch", flag, value);

        Assert.Equal(2, rc);
        Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(_temp.Combine("runs")));
    }

    private static bool IsPng(string path) =>
        File.Exists(path) && File.ReadAllBytes(path) is [0x89, (byte)'P', (byte)'N', (byte)'G', ..];
}
