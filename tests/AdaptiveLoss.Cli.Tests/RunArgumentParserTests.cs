using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Cli.Tests;

public sealed class RunArgumentParserTests
{
    private static RunArguments Parse(params string[] args) => RunArgumentParser.Parse(args);

    [Fact]
    public void Parse_NoArguments_GivesTheSpecDefaults()
    {
        var parsed = Parse();

        Assert.Equal(new ExperimentOptions(), parsed.Options);
        Assert.Null(parsed.OutDirectory);
        Assert.Null(parsed.Cluster);
        Assert.Null(parsed.ExperimentId);
        Assert.False(parsed.Help);
    }

    [Fact]
    public void Parse_EveryEnumName_MapsToItsValue()
    {
        AssertEveryValueMaps<TaskKind>("--task", o => o.Task);
        AssertEveryValueMaps<ModelKind>("--model", o => o.Model);
        AssertEveryValueMaps<LossMode>("--loss", o => o.Loss);
        AssertEveryValueMaps<LossForm>("--loss-form", o => o.LossForm);
        AssertEveryValueMaps<MetricKind>("--metric", o => o.Metric);
        AssertEveryValueMaps<RewardKind>("--reward", o => o.Reward);
        AssertEveryValueMaps<BaselineKind>("--baseline", o => o.Baseline);
    }

    [Fact]
    public void Parse_SpecNames_AreTheDocumentedOnes()
    {
        // docs/design.md §4 and docs/mismatch.md spell these; results.json repeats them.
        Assert.Equal("fashion-mnist|idx|cifar10|retrieval", CliNames.Choices<TaskKind>());
        Assert.Equal("cnn|mlp|resnet8|resnet20|resnet32", CliNames.Choices<ModelKind>());
        Assert.Equal("ala|ce|fixed|label-smoothing|focal|class-balanced|logit-adjusted|forward", CliNames.Choices<LossMode>());
        Assert.Equal("pairwise|sigmoid", CliNames.Choices<LossForm>());
        Assert.Equal("error|f1|aucpr|balanced-error|recall@1|recall@2|recall@4|recall@8|nmi", CliNames.Choices<MetricKind>());
        Assert.Equal("auto|tail|balanced", CliNames.Choices<ValidationSplitKind>());
        Assert.Equal("diff|sign", CliNames.Choices<RewardKind>());
        Assert.Equal("population|ema", CliNames.Choices<BaselineKind>());
    }

    [Fact]
    public void Parse_PresetPaper_AppliesThePaperSettings()
    {
        Assert.Equal(new ExperimentOptions().WithPaperPreset(), Parse("--preset", "paper").Options);
    }

    [Fact]
    public void Parse_ExplicitFlagAfterOrBeforePreset_OverridesThePreset()
    {
        var before = Parse("--beta", "0.05", "--reward", "diff", "--preset", "paper").Options;
        var after = Parse("--preset=paper", "--beta=0.05", "--reward=diff").Options;

        foreach (var options in new[] { before, after })
        {
            Assert.Equal(0.05, options.Beta);
            Assert.Equal(RewardKind.Diff, options.Reward);
            Assert.Equal(LossForm.Sigmoid, options.LossForm);
            Assert.Equal(BaselineKind.Ema, options.Baseline);
            Assert.Equal(1.0, options.PhiMax);
        }
    }

    [Fact]
    public void Parse_CliSettings_AreKeptOutsideTheOptions()
    {
        var parsed = Parse("--out", "some/dir", "--cluster", "localhost:30001", "--experiment-id", "exp-1", "--seed", "-5");

        Assert.Equal(Path.GetFullPath("some/dir"), parsed.OutDirectory);
        Assert.Equal("localhost:30001", parsed.Cluster);
        Assert.Equal("exp-1", parsed.ExperimentId);
        Assert.Equal(-5, parsed.Options.Seed);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--children", "0", "-h")]
    public void Parse_Help_WinsOverOtherFlags(params string[] args) => Assert.True(Parse(args).Help);

    [Theory]
    [InlineData("--children abc", "--children expects a whole number (got 'abc')")]
    [InlineData("--task nosuch", "--task must be one of fashion-mnist, idx, cifar10, retrieval (got 'nosuch')")]
    [InlineData("--model resnet", "--model must be one of cnn, mlp, resnet8, resnet20, resnet32 (got 'resnet')")]
    [InlineData("--beta x", "--beta expects a number (got 'x')")]
    [InlineData("--beta NaN", "--beta expects a number (got 'NaN')")]
    [InlineData("--epochs 1.5", "--epochs expects a whole number (got '1.5')")]
    [InlineData("--nosuch 1", "unknown option '--nosuch' (see ala run --help)")]
    [InlineData("--epochs", "--epochs needs a value (E)")]
    [InlineData("--epochs --seed 1", "--epochs needs a value (E)")]
    [InlineData("--seed 1 --seed 2", "--seed is given more than once")]
    [InlineData("stray", "unexpected argument 'stray' (options start with --; see ala run --help)")]
    [InlineData("--freeze-policy=yes", "--freeze-policy takes no value (got 'yes')")]
    [InlineData("--device gpu", "--device must be one of cpu, cuda (got 'gpu')")]
    [InlineData("--preset fancy", "--preset must be one of paper (got 'fancy')")]
    [InlineData("--progress fancy", "--progress must be one of auto, bars, lines (got 'fancy')")]
    [InlineData("--tensorboard=", "--tensorboard needs a value (DIR)")]
    [InlineData("--out=", "--out needs a value (DIR)")]
    [InlineData("--freeze-policy --freeze-policy", "--freeze-policy is given more than once")]
    [InlineData("--freeze-policy yes", "--freeze-policy takes no value (got 'yes')")]
    [InlineData("--experiment-id a/b", "--experiment-id must be 1-100 letters, digits, '-', '_' or '.' (got 'a/b')")]
    public void Parse_BadInput_ThrowsOneLineNamingTheFlag(string commandLine, string expected)
    {
        var error = Assert.Throws<UsageException>(() => Parse(commandLine.Split(' ')));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static void AssertEveryValueMaps<T>(string flag, Func<ExperimentOptions, T> read)
        where T : struct, Enum
    {
        var named = CliNames.Table<T>().Select(p => p.Value).ToHashSet();
        Assert.Equal(Enum.GetValues<T>().ToHashSet(), named);
        foreach (var (name, value) in CliNames.Table<T>())
        {
            Assert.Equal(value, read(Parse(flag, name).Options));
            Assert.Equal(name, CliNames.NameOf(value));
        }
    }
}
