using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// The mismatch tasks and static baselines through the built <c>ala</c> (docs/mismatch.md): bad values are one line
/// naming the option, exit 2, nothing written; one tiny run per task records its transforms and every test metric.
/// </summary>
public sealed class MismatchCliTests : IDisposable
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private static readonly string[] Tiny =
        ["--model", "mlp", "--train-limit", "3000", "--validation-size", "500", "--epochs", "1", "--children", "2", "--window", "5", "--progress", "lines"];

    private readonly string _work = Directory.CreateTempSubdirectory("ala-mismatch-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("--imbalance 0.5", "ala: --imbalance must be a number of at least 1 (got 0.5)")]
    [InlineData("--imbalance-order 1,2", "ala: --imbalance-order: ")]
    [InlineData("--label-noise pairflip:1.5", "ala: --label-noise: ")]
    [InlineData("--label-noise pairflip:-0.1", "ala: --label-noise: ")]
    [InlineData("--label-noise foo:0.1", "ala: --label-noise: ")]
    [InlineData("--label-noise pairflip:0.4:0-12", "ala: --label-noise: ")]
    [InlineData("--label-noise pairflip:0.4:0-1,1-2", "ala: --label-noise: ")]
    [InlineData("--label-noise pairflip:0.4 --classes 5", "ala: --label-noise: ")]
    [InlineData("--loss forward", "ala: --loss forward corrects with the true noise matrix, so it needs --label-noise")]
    [InlineData("--smoothing 1", "ala: --smoothing must be in [0, 1) (got 1)")]
    [InlineData("--cb-beta 1", "ala: --cb-beta must be in [0, 1) (got 1)")]
    [InlineData("--focal-gamma -1", "ala: --focal-gamma must be a number of at least 0 (got -1)")]
    [InlineData("--metric recall", "ala: --metric must be one of error, f1, aucpr, balanced-error, recall@1, recall@2, recall@4, recall@8, nmi (got 'recall')")]
    [InlineData("--loss nosuch", "ala: --loss must be one of ala, ce, fixed, label-smoothing, focal, class-balanced, logit-adjusted, forward (got 'nosuch')")]
    [InlineData("--phi {dir}/wrong-shape.json", "ala: --phi: Φ is 2×2, the task has 10 classes")]
    [InlineData("--phi {dir}/nan.json", "ala: --phi '{dir}/nan.json': ")]
    [InlineData("--phi {dir}/missing.json", "ala: --phi '{dir}/missing.json': no such file")]
    [InlineData("--phi {dir}/wide.json", "ala: --phi: Φ[0,1] = 0.5 is outside")]
    public async Task Run_BadMismatchValue_ExitTwoWithOneLineNamingTheOptionAndWriteNothing(string flags, string expectedStart)
    {
        var inputs = Path.Combine(_work, "inputs");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "wrong-shape.json"), "[[1, 0], [0, 1]]");
        File.WriteAllText(Path.Combine(inputs, "nan.json"), "[[1, NaN], [NaN, 1]]");
        File.WriteAllText(Path.Combine(inputs, "wide.json"), JsonSerializer.Serialize(Uniform(0.5)));
        var outDir = Path.Combine(_work, "out");
        var run = Path.Combine(_work, "cwd");
        Directory.CreateDirectory(run);

        var args = flags.Replace("{dir}", inputs, StringComparison.Ordinal).Split(' ');
        var result = await CliProcess.RunAsync(run, TimeSpan.FromSeconds(60), ["run", .. args, "--out", outDir]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith(expectedStart.Replace("{dir}", inputs, StringComparison.Ordinal), result.ErrorLines[0]);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.False(Directory.Exists(outDir), "the out folder must not be created");
        Assert.Empty(Directory.EnumerateFileSystemEntries(run));
    }

    [Fact]
    public async Task Run_LongTailWithClassBalancedLoss_RecordsTheProfileAndEveryTestMetric()
    {
        var root = await RunAsync("longtail", "--imbalance", "10", "--metric", "balanced-error", "--loss", "class-balanced");

        Assert.Equal("class-balanced", root.GetProperty("loss").GetString());
        Assert.Equal("balanced-error", root.GetProperty("metric").GetString());
        var data = root.GetProperty("data");
        Assert.Equal("balanced", data.GetProperty("validation").GetString());
        Assert.Equal(10, data.GetProperty("imbalance").GetDouble());
        Assert.Equal(Enumerable.Range(0, 10), data.GetProperty("imbalanceOrder").EnumerateArray().Select(e => e.GetInt32()));
        var counts = data.GetProperty("trainClassCounts").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        // 3,000 images, 50 per class in validation: the head keeps n_max = the smallest class on offer, the tail n_max / 10.
        Assert.InRange(counts[9], (counts[0] / 10) - 1, (counts[0] / 10) + 1);
        Assert.True(counts.Zip(counts.Skip(1)).All(p => p.First >= p.Second), string.Join(',', counts));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("noiseMatrix").ValueKind);
        AssertEveryTestMetric(root);
    }

    [Fact]
    public async Task Run_PairFlipWithForwardCorrection_RecordsTheRealisedNoise()
    {
        var root = await RunAsync("pairflip", "--label-noise", "pairflip:0.4", "--loss", "forward");

        var data = root.GetProperty("data");
        Assert.Equal("pairflip:0.4:0-6,2-4,5-7", data.GetProperty("labelNoise").GetString());
        var noise = data.GetProperty("noiseMatrix").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
        Assert.InRange(noise[0][6], 0.3, 0.5); // about 280 shirts and T-shirts each: η = 0.4 within ±3σ
        Assert.Equal(1.0, noise[1][1]);
        Assert.All(noise, row => Assert.Equal(1.0, row.Sum(), 9));
        AssertEveryTestMetric(root);
    }

    [Fact]
    public async Task Run_SymmetricNoiseWithAFixedPhiFile_KeepsPhiWhereTheFilePutIt()
    {
        var phiFile = Path.Combine(_work, "phi.json");
        File.WriteAllText(phiFile, JsonSerializer.Serialize(new { phi = Uniform(0.1) }));

        var root = await RunAsync("symmetric", "--label-noise", "symmetric:0.4", "--loss", "fixed", "--phi", phiFile);

        Assert.Equal("symmetric:0.4", root.GetProperty("data").GetProperty("labelNoise").GetString());
        var child = root.GetProperty("children")[0];
        Assert.Equal(0.1, child.GetProperty("phiMatrix")[3][7].GetDouble());
        Assert.Equal(1.0, child.GetProperty("phiMatrix")[3][3].GetDouble());
        Assert.Equal(0.1, root.GetProperty("lossSettings").GetProperty("phi")[0][1].GetDouble());
        AssertEveryTestMetric(root);
    }

    [Fact]
    public async Task Run_LongTailWithClassOffsets_ReportsEachChildsOffsets()
    {
        var root = await RunAsync("offsets", "--imbalance", "10", "--metric", "balanced-error", "--class-offsets", "--offset-beta", "0.5");

        foreach (var child in root.GetProperty("children").EnumerateArray())
        {
            var offsets = child.GetProperty("classOffsets").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(10, offsets.Length);
            Assert.All(offsets, d => Assert.Equal(0, Math.IEEERemainder(d, 0.5), 9)); // whole steps of --offset-beta
        }

        AssertEveryTestMetric(root);
    }

    private async Task<JsonElement> RunAsync(string name, params string[] flags)
    {
        Assert.True(File.Exists(Path.Combine(FashionMnist, "train-images-idx3-ubyte.gz")), "install dataset-fashion-mnist (apt-get)");
        var outDir = Path.Combine(_work, name);
        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(5),
            ["run", .. Tiny, .. flags, "--out", outDir, "--state", Path.Combine(_work, "state")]);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        return json.RootElement.Clone();
    }

    // Every run reports every metric on the test split, post-hoc adjusted too, and its best-validation window's.
    private static void AssertEveryTestMetric(JsonElement root)
    {
        Assert.Equal(2, root.GetProperty("childEpochs").GetInt32());
        foreach (var child in root.GetProperty("children").EnumerateArray())
        {
            foreach (var set in new[] { child.GetProperty("test"), child.GetProperty("testPostHoc"), child.GetProperty("bestValidation").GetProperty("test") })
            {
                Assert.InRange(set.GetProperty("error").GetDouble(), 0, 0.9);
                Assert.InRange(set.GetProperty("balancedError").GetDouble(), 0, 0.9);
                // A metric, not a quality bar: a tiny long-tailed run with large offset steps can predict worse than chance.
                Assert.InRange(set.GetProperty("f1").GetDouble(), 0, 1);
                Assert.InRange(set.GetProperty("aucpr").GetDouble(), 0, 1);
                Assert.Equal(10, set.GetProperty("classErrors").GetArrayLength());
            }

            Assert.Equal(child.GetProperty("testError").GetDouble(), child.GetProperty("test").GetProperty("error").GetDouble());
            Assert.InRange(child.GetProperty("bestValidation").GetProperty("window").GetInt32(), 0, child.GetProperty("windows").GetInt32() - 1);
        }
    }

    private static double[][] Uniform(double value) =>
        Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 10).Select(j => i == j ? 1.0 : value).ToArray()).ToArray();
}
