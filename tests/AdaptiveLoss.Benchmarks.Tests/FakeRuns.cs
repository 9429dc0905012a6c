using System.Text.Json;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>Hand-made results.json files (docs/design.md §4 shape) with chosen test errors, for the analyser tests.</summary>
internal static class FakeRuns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Writes DIR/results.json: child i has seed 1 + i, test error testErrors[i] (a fraction), validation error
    /// validation[i] (default: the test error), and the given rewards (round r, one per child).
    /// </summary>
    public static void Write(
        string directory, string model, int epochs, string loss, double[] testErrors, double[]? validation = null,
        double[]? rewards = null, long policyVersion = 3)
    {
        Directory.CreateDirectory(directory);
        // The experiment id the benchmark gives a run: BUDGET-ARM (e.g. short-ala).
        var id = $"{Path.GetFileName(Path.GetDirectoryName(directory))}-{Path.GetFileName(directory)}";
        var children = testErrors.Select((e, i) => new
        {
            id = $"{id}/{i}",
            seed = 1 + i,
            validationMetric = validation?[i] ?? e,
            testError = e,
            testMetric = e,
            windows = 6,
            phi = new { min = -0.02 * (i + 1), max = 0.01 * (i + 1), normFromIdentity = 0.1 * (i + 1) },
        }).ToArray();
        var rewardList = (rewards ?? []).Select((r, k) => new
        {
            round = 1 + k / testErrors.Length,
            childId = $"{id}/{k % testErrors.Length}",
            window = k / testErrors.Length,
            reward = r,
            policyVersion = (long)(k / testErrors.Length),
        }).ToArray();
        var document = new
        {
            experimentId = id,
            task = "fashion-mnist",
            model,
            loss,
            metric = "error",
            seed = 1,
            epochs,
            elapsedSeconds = 12.5,
            children,
            best = new { childId = children[0].id, testError = testErrors[0] },
            meanTestError = testErrors.Average(),
            policy = new { policyId = id, version = policyVersion, updates = policyVersion, transitions = rewardList.Length },
            rewards = rewardList,
        };
        File.WriteAllText(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(document, Json));
    }
}
