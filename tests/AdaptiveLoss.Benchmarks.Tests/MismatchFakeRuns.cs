using System.Text.Json;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// Hand-made results.json files with the mismatch fields (per-child test, testPostHoc, bestValidation, phiMatrix,
/// childEpochs, data). Child i has seed 1 + i. The given test values go into the <c>headline</c> field of each metrics
/// object and every other metric is 0.99, so an analysis that reads the wrong metric shows it.
/// </summary>
internal sealed record MismatchFakeRuns(string Headline, string Metric)
{
    /// <summary>
    /// Writes RUNS/mismatch/TASK/ARM/results.json. <paramref name="test"/> and <paramref name="validation"/> are the end
    /// values; <paramref name="bestTest"/> and <paramref name="bestValidation"/> the best-validation window's (default:
    /// the end's); <paramref name="postHoc"/> the post-hoc test values (default: the end's). Null <paramref name="childEpochs"/>
    /// leaves the field out, as a CLI before it did.
    /// </summary>
    public void Write(
        string runsRoot, string task, string arm, string loss, double[] test, double[] validation,
        double[]? bestTest = null, double[]? bestValidation = null, double[]? postHoc = null, int? childEpochs = 40, string model = "mlp")
    {
        var directory = Path.Combine(runsRoot, "mismatch", task, arm);
        Directory.CreateDirectory(directory);
        var id = $"mismatch-{task}-{arm}";
        var children = test.Select((value, i) => new Dictionary<string, object?>
        {
            ["id"] = $"{id}/{i}",
            ["seed"] = 1 + i,
            ["validationMetric"] = validation[i],
            ["testError"] = Headline == "error" ? value : 0.99,
            ["testMetric"] = value,
            ["windows"] = 6,
            ["test"] = Metrics(value),
            ["testPostHoc"] = Metrics(postHoc?[i] ?? value),
            ["bestValidation"] = new { window = 3, validationMetric = bestValidation?[i] ?? validation[i], test = Metrics(bestTest?[i] ?? value) },
            ["phiMatrix"] = Phi(0.01 * (i + 1)),
        }).ToArray();
        var document = new Dictionary<string, object?>
        {
            ["experimentId"] = id, ["task"] = "fashion-mnist", ["model"] = model, ["loss"] = loss, ["metric"] = Metric,
            ["seed"] = 1, ["epochs"] = 10, ["elapsedSeconds"] = 12.5, ["children"] = children, ["meanTestError"] = test.Average(),
            ["policy"] = new { policyId = id, version = 0, updates = 0, transitions = 0 }, ["rewards"] = Array.Empty<object>(),
            ["data"] = new { dataSeed = 1, validation = "balanced", imbalance = (double?)null, trainClassCounts = Enumerable.Repeat(60, 10) },
        };
        if (childEpochs is { } epochs)
        {
            document["childEpochs"] = epochs;
        }

        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    /// <summary>A 10×10 Φ: identity with every off-diagonal entry <paramref name="offDiagonal"/>.</summary>
    public static double[][] Phi(double offDiagonal) =>
        [.. Enumerable.Range(0, 10).Select(i => Enumerable.Range(0, 10).Select(j => i == j ? 1.0 : offDiagonal).ToArray())];

    private Dictionary<string, object> Metrics(double value) => new()
    {
        ["error"] = Headline == "error" ? value : 0.99,
        ["balancedError"] = Headline == "balancedError" ? value : 0.99,
        ["f1"] = 0.99,
        ["aucpr"] = 0.99,
        ["classErrors"] = Enumerable.Repeat(value, 10).ToArray(),
    };
}
