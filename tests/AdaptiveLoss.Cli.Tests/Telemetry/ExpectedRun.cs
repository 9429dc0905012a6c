using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests.Telemetry;

/// <summary>One entry of results.json's rewards, as the telemetry must repeat it.</summary>
internal sealed record RewardRow(string ChildId, int Window, double Reward, long PolicyVersion);

/// <summary>What a finished run's results.json says the telemetry must show.</summary>
internal sealed record ExpectedRun(string ExperimentId, IReadOnlyList<RewardRow> Rewards, long Updates, int Windows)
{
    /// <summary>The smallest realistic run: 2 children × 2 windows of 4 batches on 1,000 Fashion-MNIST images, 1 epoch.</summary>
    public static readonly string[] TinyRun =
        ["--train-limit", "1000", "--validation-size", "1000", "--epochs", "1", "--children", "2", "--window", "4"];

    public static ExpectedRun Read(string outDirectory)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "results.json")));
        var root = json.RootElement;
        var rewards = root.GetProperty("rewards").EnumerateArray()
            .Select(r => new RewardRow(r.GetProperty("childId").GetString()!, r.GetProperty("window").GetInt32(),
                r.GetProperty("reward").GetDouble(), r.GetProperty("policyVersion").GetInt64()))
            .ToList();
        return new ExpectedRun(root.GetProperty("experimentId").GetString()!, Sorted(rewards),
            root.GetProperty("policy").GetProperty("updates").GetInt64(),
            root.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("windows").GetInt32()));
    }

    /// <summary>Rows in (child, window) order, so that two sources compare as sequences.</summary>
    public static List<RewardRow> Sorted(IEnumerable<RewardRow> rows) =>
        [.. rows.OrderBy(r => r.ChildId, StringComparer.Ordinal).ThenBy(r => r.Window)];
}
