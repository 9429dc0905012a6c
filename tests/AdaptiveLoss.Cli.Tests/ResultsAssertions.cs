using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>Checks of a real results.json: schema, consistency of children, rewards and policy versions.</summary>
internal static class ResultsAssertions
{
    public static void AssertValid(JsonElement root, int children)
    {
        Assert.Equal(
            ["experimentId", "task", "model", "loss", "metric", "seed", "epochs", "elapsedSeconds", "children", "best", "meanTestError", "policy", "rewards",
             "childEpochs", "data", "lossSettings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("fashion-mnist", "cnn", "ala", "error"),
            (root.GetProperty("task").GetString(), root.GetProperty("model").GetString(), root.GetProperty("loss").GetString(), root.GetProperty("metric").GetString()));
        Assert.True(root.GetProperty("elapsedSeconds").GetDouble() > 0);

        var kids = root.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(children, kids.Count);
        var experimentId = root.GetProperty("experimentId").GetString();
        for (var i = 0; i < kids.Count; i++)
        {
            Assert.Equal($"{experimentId}/{i}", kids[i].GetProperty("id").GetString());
            Assert.Equal(root.GetProperty("seed").GetInt32() + i, kids[i].GetProperty("seed").GetInt32());
            Assert.InRange(kids[i].GetProperty("testError").GetDouble(), 0, 0.9); // trained: better than chance
            Assert.InRange(kids[i].GetProperty("validationMetric").GetDouble(), 0, 1);
            Assert.True(kids[i].GetProperty("windows").GetInt32() >= 1);
            var phi = kids[i].GetProperty("phi");
            Assert.True(phi.GetProperty("min").GetDouble() <= phi.GetProperty("max").GetDouble());
            Assert.True(phi.GetProperty("normFromIdentity").GetDouble() >= 0);
        }

        var bestId = root.GetProperty("best").GetProperty("childId").GetString();
        var best = kids.Single(k => k.GetProperty("id").GetString() == bestId);
        Assert.Equal(kids.Min(k => k.GetProperty("validationMetric").GetDouble()), best.GetProperty("validationMetric").GetDouble());
        Assert.Equal(best.GetProperty("testError").GetDouble(), root.GetProperty("best").GetProperty("testError").GetDouble());
        Assert.Equal(kids.Average(k => k.GetProperty("testError").GetDouble()), root.GetProperty("meanTestError").GetDouble(), 9);

        var rewards = root.GetProperty("rewards").EnumerateArray().ToList();
        var policy = root.GetProperty("policy");
        var version = policy.GetProperty("version").GetInt64();
        Assert.Equal(kids.Sum(k => k.GetProperty("windows").GetInt32()), rewards.Count);
        Assert.Equal(rewards.Count, policy.GetProperty("transitions").GetInt64());
        // One policy update per round: version == updates == rounds == the last round number.
        var rounds = rewards.Select(r => r.GetProperty("round").GetInt32()).ToList();
        Assert.True(version >= 1, "the policy was never updated");
        Assert.Equal(version, policy.GetProperty("updates").GetInt64());
        Assert.Equal(version, rounds.Distinct().Count());
        Assert.Equal(version, rounds.Max());
        Assert.All(rewards, r => Assert.InRange(r.GetProperty("policyVersion").GetInt64(), 0, version));
        Assert.All(rewards, r => Assert.StartsWith(experimentId + "/", r.GetProperty("childId").GetString()));
    }
}
