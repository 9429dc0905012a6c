using System.Text.Json;
using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary><c>analyse --runs DIR</c> through the dispatcher: the JSON files and the markdown, on hand-made runs.</summary>
public sealed class AnalyseCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly StringWriter _log = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _temp.Dispose();

    private string Out => _temp.Combine("out");

    private Task<int> RunAsync(params string[] args) =>
        BenchApp.RunAsync(args, [new EffectSuite(), new AblationSuite(), new AnalyseSuite()], new NoFigureRenderer(), _log, _error, CancellationToken.None);

    [Fact]
    public async Task Analyse_CompleteRuns_JsonWithEveryArmAndFigureAndExitZero()
    {
        EffectFixture.Write(_temp.Combine("runs"), withPaper: true);

        var rc = await RunAsync("analyse", "--runs", _temp.Combine("runs"), "--out", Out);

        Assert.Equal(0, rc);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "effect-short.json")));
        var arms = json.RootElement.GetProperty("arms").EnumerateArray().ToArray();
        Assert.Equal(["ce", "ala", "frozen", "paper"], arms.Select(a => a.GetProperty("arm").GetString()));
        Assert.All(arms, a => Assert.True(a.GetProperty("present").GetBoolean()));
        var figures = json.RootElement.GetProperty("figures").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(FigureKeys.All.Select(f => f.Key).Order(), figures);
        Assert.Equal(0.5, json.RootElement.GetProperty("arms")[3].GetProperty("signals").GetProperty("rewards").GetProperty("negativeShare").GetDouble());
    }

    [Fact]
    public async Task Analyse_PartialRuns_EveryTableInMarkdownAndExitOne()
    {
        EffectFixture.Write(_temp.Combine("runs"));
        EffectFixture.WriteAblations(_temp.Combine("runs"));

        var rc = await RunAsync("analyse", "--runs", _temp.Combine("runs"), "--out", Out);

        Assert.Equal(1, rc);
        Assert.True(File.Exists(Path.Combine(Out, "ablations.json")));
        var markdown = File.ReadAllText(Path.Combine(Out, "results.md"));
        Assert.All(ResultsMarkdown.Headings, h => Assert.Contains($"\n{h}\n", "\n" + markdown));
        Assert.Contains("### Effect, short budget", markdown);
        Assert.Contains("| arm | test error % (mean ± std) | per child % (seed order) |", markdown);
        Assert.Contains("| ala | 12.50 ± 1.29 (n = 4) | 11.00, 12.00, 13.00, 14.00 | 2: 12.00 | +2.50 [+0.45, +4.55] (n = 4) | 1.250 |", markdown);
        Assert.Contains("| ala − frozen (learning vs frozen) |  |  |  | +2.00 [+2.00, +2.00] (n = 4) |  |", markdown);
        Assert.Contains("| paper | not run |", markdown);
        Assert.Contains("| variant | what | test error % (mean ± std) | Δ vs CE, pp [95 % CI] |", markdown);
        Assert.Contains("| children1 | 1 children (pairs with cross-entropy's first 1 seeds) | 12.50 ± — (n = 1) | +0.50 [no interval] (n = 1) | 1 |", markdown);
        Assert.Contains("| arm | rewards | positive / zero / negative |", markdown);
        Assert.Contains("| ala | 8 | 50 % / 25 % / 25 % | 0.625 |", markdown);
        // ce's within-round spread 1 pp, ala's √1.6875 = 1.299: excess √0.6875 = 0.829.
        Assert.Contains("differ between children by 1 pp (mean within-round std, rounds 2 onwards); under ALA by 1.299 (ratio 1.299)", markdown);
        Assert.Contains("= 0.829, i.e. a signal-to-noise ratio of at most 0.829 in each advantage.", markdown);
        Assert.Contains("## What it costs", markdown);
        Assert.Contains("## A peer: PyTorch", markdown);
        Assert.Contains("```bash\n./ala run --children 8 --epochs 3 --seed 1 --loss ce --experiment-id short-ce", markdown);
    }

    [Fact]
    public async Task Analyse_CostsJsonPresent_SectionRenderedFromIt()
    {
        EffectFixture.Write(_temp.Combine("runs"));
        var costs = new TableDocument("Orchestration cost", "Bare loop vs grains.", [new DocumentTable("Throughput", ["path", "images/s"], [["bare", "5000"], ["grains", "4900"]], "ratio 0.98")], ["measured once"]);
        BenchJson.Write(Path.Combine(Out, "costs.json"), costs);

        await RunAsync("analyse", "--runs", _temp.Combine("runs"), "--out", Out);

        var markdown = File.ReadAllText(Path.Combine(Out, "results.md"));
        Assert.Contains("| path | images/s |\n| --- | --- |\n| bare | 5000 |\n| grains | 4900 |\n", markdown);
        Assert.Contains("ratio 0.98", markdown);
        Assert.Contains("Not measured yet: `./bench.sh peer`", markdown);
    }

    [Theory]
    [InlineData("effect", "--budget", "medium")]
    [InlineData("effect")]
    [InlineData("effect", "--budget", "smoke", "--jobs", "0")]
    [InlineData("ablations", "--window", "50")]
    [InlineData("nonsense")]
    [InlineData("analyse", "--out")]
    public async Task Run_BadInput_ExitTwoOneLineNothingWritten(params string[] args)
    {
        var rc = await RunAsync([.. args, "--runs", _temp.Combine("runs")]);

        Assert.Equal(2, rc);
        Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("bench: ", _error.ToString());
        Assert.False(Directory.Exists(_temp.Combine("runs")));
    }

    [Fact]
    public async Task Analyse_NoRunFolders_ExitTwo()
    {
        Directory.CreateDirectory(_temp.Combine("runs"));

        var rc = await RunAsync("analyse", "--runs", _temp.Combine("runs"), "--out", Out);

        Assert.Equal(2, rc);
        Assert.False(File.Exists(Path.Combine(Out, "results.md")));
    }
}
