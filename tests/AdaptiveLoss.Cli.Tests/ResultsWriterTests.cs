using System.Text.Json;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>results.json from a hand-made finished experiment: docs/design.md §4's schema exactly, camelCase, atomic.</summary>
public sealed class ResultsWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("ala-results-").FullName, "out");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);

    private static ChildOutcome Outcome(int index, double validation, double test, int windows) => new(
        $"exp/{index}", 10 + index, 10, validation, validation, test, test, windows, 1,
        new PhiStats(-0.04 * index, 0.02, 0.1 + index), new double[100], 12.5);

    private static ChildStatus Child(int index, ChildOutcome? outcome) => new(
        $"exp/{index}", outcome is null ? ChildState.Failed : ChildState.Completed, [], outcome, outcome is null ? "boom" : null);

    // Child 1 has the best validation error but the worse test error: the best child must be chosen on validation.
    private static ExperimentStatus Status() => new("exp", ExperimentState.Completed,
        [Child(0, Outcome(0, 0.12, 0.13, 3)), Child(1, Outcome(1, 0.10, 0.15, 2)), Child(2, null)], 42.5);

    private static PolicySummary Policy() => new("shared", 2, 2, 5, 2, 0,
    [
        new RewardRecord(1, "exp/0", 0, 0.5, 0), new RewardRecord(1, "exp/1", 0, -0.5, 0),
        new RewardRecord(1, "other/0", 0, 9, 0), new RewardRecord(2, "exp/0", 1, 1.25, 1),
        new RewardRecord(2, "exp/1", 1, -1.25, 1),
    ]);

    private static readonly ExperimentOptions Options = new() { Model = ModelKind.ResNet20, Loss = LossMode.Fixed, Seed = 10, Epochs = 2 };

    /// <summary>
    /// Two runs racing for one --out (docs/cli.md, "Files a run writes"): the later one never replaces the first one's
    /// results.json but writes its own to OUT-&lt;experimentId&gt; (then -2, -3, …); --force overwrites.
    /// </summary>
    [Fact]
    public void Publish_ResultsAppearedMeanwhile_KeptAndThisRunsGoBesideUnlessForce()
    {
        var document = ResultsBuilder.Build("exp", Options, Status(), Policy());
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, ResultsWriter.FileName), "first");

        var second = ResultsWriter.Publish(_folder, "exp", document, force: false);
        var third = ResultsWriter.Publish(_folder, "exp", document, force: false);
        var forced = ResultsWriter.Publish(_folder, "exp", document, force: true);

        Assert.Equal(($"{_folder}-exp", $"{_folder}-exp-2", _folder), (second, third, forced));
        Assert.Equal(ResultsWriter.Serialize(document) + "\n", File.ReadAllText(Path.Combine(second, ResultsWriter.FileName)));
        Assert.Equal(ResultsWriter.Serialize(document) + "\n", File.ReadAllText(Path.Combine(_folder, ResultsWriter.FileName)));
    }

    [Fact]
    public void Write_HandMadeExperiment_HasExactlyTheSpecSchema()
    {
        var path = ResultsWriter.Write(_folder, ResultsBuilder.Build("exp", Options, Status(), Policy()));
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;

        Assert.Equal(Path.Combine(_folder, "results.json"), path);
        AssertKeys(root, "experimentId", "task", "model", "loss", "metric", "seed", "epochs", "elapsedSeconds",
            "children", "best", "meanTestError", "policy", "rewards", "childEpochs", "data", "lossSettings");
        AssertKeys(root.GetProperty("children")[0], "id", "seed", "validationMetric", "testError", "testMetric", "windows", "phi",
            "test", "testPostHoc", "bestValidation", "phiMatrix", "phiBins", "siblingCosts", "classOffsets");
        AssertKeys(root.GetProperty("data"), "dataSeed", "validation", "imbalance", "imbalanceOrder", "labelNoise", "trainClassCounts", "noiseMatrix");
        AssertKeys(root.GetProperty("lossSettings"), "smoothing", "focalGamma", "cbBeta", "tau", "phi", "phiGroups", "credit", "siblings", "antithetic");
        AssertKeys(root.GetProperty("children")[0].GetProperty("phi"), "min", "max", "normFromIdentity");
        AssertKeys(root.GetProperty("best"), "childId", "testError");
        AssertKeys(root.GetProperty("policy"), "policyId", "version", "updates", "transitions");
        AssertKeys(root.GetProperty("rewards")[0], "round", "childId", "window", "reward", "policyVersion");
    }

    [Fact]
    public void Write_HandMadeExperiment_HasTheValues()
    {
        var root = JsonDocument.Parse(File.ReadAllText(ResultsWriter.Write(_folder, ResultsBuilder.Build("exp", Options, Status(), Policy())))).RootElement;

        Assert.Equal("exp", root.GetProperty("experimentId").GetString());
        Assert.Equal("fashion-mnist", root.GetProperty("task").GetString());
        Assert.Equal("resnet20", root.GetProperty("model").GetString());
        Assert.Equal("fixed", root.GetProperty("loss").GetString());
        Assert.Equal("error", root.GetProperty("metric").GetString());
        Assert.Equal(10, root.GetProperty("seed").GetInt32());
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.Equal(42.5, root.GetProperty("elapsedSeconds").GetDouble());
        var children = root.GetProperty("children");
        Assert.Equal(2, children.GetArrayLength()); // the failed child has no outcome to report
        Assert.Equal("exp/1", children[1].GetProperty("id").GetString());
        Assert.Equal(11, children[1].GetProperty("seed").GetInt32());
        Assert.Equal(0.10, children[1].GetProperty("validationMetric").GetDouble());
        Assert.Equal(0.15, children[1].GetProperty("testError").GetDouble());
        Assert.Equal(2, children[1].GetProperty("windows").GetInt32());
        Assert.Equal(-0.04, children[1].GetProperty("phi").GetProperty("min").GetDouble());
        Assert.Equal(1.1, children[1].GetProperty("phi").GetProperty("normFromIdentity").GetDouble());
        Assert.Equal("exp/1", root.GetProperty("best").GetProperty("childId").GetString());
        Assert.Equal(0.15, root.GetProperty("best").GetProperty("testError").GetDouble());
        Assert.Equal(0.14, root.GetProperty("meanTestError").GetDouble(), 12);
        Assert.Equal("shared", root.GetProperty("policy").GetProperty("policyId").GetString());
        Assert.Equal(2, root.GetProperty("policy").GetProperty("version").GetInt64());
        Assert.Equal(5, root.GetProperty("policy").GetProperty("transitions").GetInt64());
        var rewards = root.GetProperty("rewards").EnumerateArray().ToList();
        Assert.Equal(4, rewards.Count); // "other/0" belongs to another experiment sharing the policy
        Assert.Equal(1.25, rewards[2].GetProperty("reward").GetDouble());
        Assert.Equal(1, rewards[2].GetProperty("policyVersion").GetInt64());
        Assert.Equal(2, rewards[2].GetProperty("round").GetInt32());
    }

    [Fact]
    public void Write_Twice_ReplacesTheFileAndLeavesNoTemporary()
    {
        ResultsWriter.Write(_folder, ResultsBuilder.Build("exp", Options, Status(), Policy()));
        ResultsWriter.Write(_folder, ResultsBuilder.Build("exp", Options with { Seed = 77 }, Status(), Policy()));

        Assert.Equal(["results.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Equal(77, JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "results.json"))).RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void Build_HigherIsBetterMetric_PicksTheHighestValidation()
    {
        var best = ResultsBuilder.BestByValidation([Outcome(0, 0.80, 0.1, 1), Outcome(1, 0.85, 0.3, 1), Outcome(2, 0.70, 0.0, 1)], MetricKind.F1);

        Assert.Equal("exp/1", best.ChildId);
    }

    [Fact]
    public void Build_NoCompletedChild_Throws() =>
        Assert.Throws<InvalidOperationException>(() =>
            ResultsBuilder.Build("exp", Options, new ExperimentStatus("exp", ExperimentState.Failed, [Child(0, null)], 1), Policy()));

    private static void AssertKeys(JsonElement element, params string[] keys) =>
        Assert.Equal(keys, element.EnumerateObject().Select(p => p.Name));
}
