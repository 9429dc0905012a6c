using System.Text.Json;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// <c>--share-policy</c> (docs/policy-snapshots.md) for real: one standalone <c>ala-silo</c>, two concurrent <c>ala run --cluster</c>
/// processes on different tasks (10 and 5 classes) naming one policy. Needs dataset-fashion-mnist.
/// </summary>
public sealed class SharePolicyEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ala-share-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task TwoRuns_OneSiloSamePolicy_OnePolicyLearnsFromBothAndAThirdWithOtherSettingsIsRefused()
    {
        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(60));
        var cluster = $"localhost:{silo.GatewayPort}";

        var runs = await Task.WhenAll(
            Run(cluster, "share-a", "--seed", "1"),
            Run(cluster, "share-b", "--seed", "11", "--classes", "5"));
        var refused = await Run(cluster, "share-c", "--policy-hidden", "16");

        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}\nsilo:\n{silo.Log}");
        }

        var (ownWindows, sharedTransitions) = (new List<long>(), new List<long>());
        foreach (var id in new[] { "share-a", "share-b" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, id, "results.json")));
            var policy = json.RootElement.GetProperty("policy");
            Assert.Equal("team", policy.GetProperty("policyId").GetString());
            ownWindows.Add(json.RootElement.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("windows").GetInt64()));
            sharedTransitions.Add(policy.GetProperty("transitions").GetInt64());
        }

        // One policy, saved under its own id; its last snapshot (when the last child of either run left) holds what the
        // run that ended last reported, more than either experiment's own windows could give.
        var store = new PolicyStore(silo.StateDirectory);
        var last = store.Read(new PolicyReference("team", null));
        Assert.Equal(sharedTransitions.Max(), last.Source.Transitions);
        Assert.True(last.Source.Transitions > ownWindows.Max(), $"{last.Source.Transitions} transitions, own windows {string.Join(", ", ownWindows)}");
        Assert.Empty(store.Versions("share-a"));
        Assert.Empty(store.Versions("share-b"));

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(["ala: --share-policy team: --policy-hidden differs: the shared policy has 32, this experiment asks for 16 "
            + "(experiments sharing a policy need the same policy settings)"], refused.ErrorLines);
        Assert.False(File.Exists(Path.Combine(_work, "share-c", "results.json")));
    }

    private Task<CliResult> Run(string cluster, string id, params string[] flags) =>
        CliProcess.RunAsync(_work, TimeSpan.FromMinutes(4), [
            "run", "--cluster", cluster, "--share-policy", "team", "--experiment-id", id, "--model", "mlp", "--train-limit", "1000",
            "--validation-size", "500", "--epochs", "1", "--children", "2", "--window", "4", "--progress", "lines", "--out", Path.Combine(_work, id),
            .. flags]);
}
