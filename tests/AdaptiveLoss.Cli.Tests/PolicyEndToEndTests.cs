using System.Text.Json;
using System.Text.RegularExpressions;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// Policy snapshots and transfer through the built <c>ala</c> (docs/policy-snapshots.md): a run saves snapshots into --state,
/// <c>ala policy list|show|export|import</c> round-trip them, bad files are refused with one line and nothing written,
/// and a policy learned on 10 classes drives a 3-class run unchanged (--freeze-policy).
/// </summary>
public sealed class PolicyEndToEndTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);
    private readonly string _work = Directory.CreateTempSubdirectory("ala-policy-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string State => Path.Combine(_work, "state");

    [Fact]
    public async Task RunSavesSnapshots_PolicyCommandsRoundTrip_AndTheSnapshotDrivesAThreeClassRunFrozen()
    {
        var learn = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(5), "run", "--train-limit", "2000", "--epochs", "1",
            "--children", "2", "--window", "4", "--snapshot-every", "2", "--experiment-id", "learn", "--state", State, "--out", Path.Combine(_work, "learn"));

        Assert.True(learn.ExitCode == 0, $"exit {learn.ExitCode}\n{learn.StandardOutput}\n{learn.StandardError}");
        var store = new PolicyStore(State);
        var versions = store.Versions("learn");
        var final = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "learn", "results.json"))).RootElement.GetProperty("policy").GetProperty("version").GetInt64();
        Assert.Equal(final, versions[^1]); // the end of the run saved the last version
        Assert.Equal(Enumerable.Range(1, (int)(final / 2)).Select(i => 2L * i).Append(final).Distinct(), versions);
        Assert.Contains($"policy snapshots: {Path.Combine(State, "policies", "learn")} (latest learn@{final})", learn.StandardOutput);
        var snapshot = store.Read(new PolicyReference("learn", final));
        Assert.Equal(new SnapshotSource("fashion-mnist", "cnn", 10, snapshot.Source.Rounds, snapshot.Source.Transitions, null,
            [new SnapshotExperiment("learn", "fashion-mnist", "cnn", 10, snapshot.Source.Transitions)]), snapshot.Source);
        Assert.Equal((24, 32), (snapshot.Inputs, snapshot.Hidden));

        var list = await Policy("list", "--state", State);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches($@"(?m)^learn\s+{versions.Count}\s+{final}\s+fashion-mnist\s+cnn\s+10\s+\d{{4}}-", list.StandardOutput);

        var show = await Policy("show", $"learn@{final}", "--state", State);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"policy learn@{final}", show.StandardOutput);
        Assert.Contains("24 → 32 → 32 → 3, 1955 parameters", show.StandardOutput);
        Assert.Contains(PolicySnapshotCodec.Hash(24, 32, snapshot.Parameters), show.StandardOutput);
        Assert.Matches(@"π\(· \| 0\)\s+−β 0\.\d{3}, keep 0\.\d{3}, \+β 0\.\d{3}", show.StandardOutput);

        // export → import under another id in another state folder: the same weights.
        var file = Path.Combine(_work, "exported.json");
        Assert.Equal(0, (await Policy("export", "learn", file, "--state", State)).ExitCode);
        var other = Path.Combine(_work, "other-state");
        var imported = await Policy("import", file, "--as", "fashion", "--state", other);
        Assert.True(imported.ExitCode == 0, imported.StandardError);
        var copy = new PolicyStore(other).Read(new PolicyReference("fashion", final));
        Assert.Equal(snapshot.Parameters, copy.Parameters);

        // Transfer: the 10-class policy drives a 3-class run, frozen: it starts from the loaded weights and stays there.
        var transfer = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(5), "run", "--classes", "3", "--policy", $"fashion@{final}",
            "--freeze-policy", "--train-limit", "2000", "--epochs", "1", "--children", "2", "--window", "4", "--experiment-id", "transfer",
            "--state", other, "--out", Path.Combine(_work, "transfer"));

        Assert.True(transfer.ExitCode == 0, $"exit {transfer.ExitCode}\n{transfer.StandardOutput}\n{transfer.StandardError}");
        Assert.Contains($"policy: starts from fashion@{final} (fashion-mnist, cnn, 10 classes), frozen", transfer.StandardOutput);
        var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "transfer", "history.json"))).RootElement;
        var policy = history.GetProperty("policy");
        Assert.Equal($"fashion@{final}", policy.GetProperty("fromPolicy").GetString());
        Assert.Equal((0L, 0L), (policy.GetProperty("version").GetInt64(), policy.GetProperty("updates").GetInt64()));
        Assert.True(policy.GetProperty("transitions").GetInt64() >= 2, "the loaded policy made no decisions");
        Assert.False(history.GetProperty("options").TryGetProperty("initialPolicy", out var weights) && weights.ValueKind != JsonValueKind.Null);
        var child = history.GetProperty("children")[0];
        Assert.Equal(9, child.GetProperty("finalPhi").GetArrayLength()); // 3 classes: Φ is 3 × 3, 3 pairs
        Assert.All(child.GetProperty("windows").EnumerateArray(), w => Assert.Equal(3, w.GetProperty("actionCounts").EnumerateArray().Sum(c => c.GetInt32())));
        Assert.Empty(new PolicyStore(other).Versions("transfer")); // a frozen policy learns nothing new to save
    }

    [Theory]
    [InlineData("corrupt", "not valid snapshot JSON")]
    [InlineData("edited", "sha256 mismatch")]
    [InlineData("non-finite", "parameter 0 is not finite (NaN)")]
    [InlineData("oversized", "is larger than 32 MiB")]
    [InlineData("missing", "no such file")]
    public async Task Import_BadFile_ExitTwoOneLineNamingTheFileAndNothingWritten(string kind, string problem)
    {
        var file = Path.Combine(_work, $"{kind}.json");
        var json = PolicySnapshotCodec.Encode(Snapshot("good", 4));
        var first = new Regex(@"(""parameters"": \[\s*)(-?[0-9][0-9.eE+-]*)");
        switch (kind)
        {
            case "corrupt": File.WriteAllText(file, json[..(json.Length / 2)]); break;
            case "edited": File.WriteAllText(file, first.Replace(json, "${1}0.125", 1)); break;
            case "non-finite": File.WriteAllText(file, first.Replace(json, "${1}\"NaN\"", 1)); break;
            case "oversized":
                using (var stream = File.Create(file))
                {
                    stream.SetLength(PolicySnapshotCodec.MaxBytes + 1);
                }

                break;
        }

        var result = await Policy("import", file, "--state", State);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"ala: policy snapshot {file}: ", line);
        Assert.Contains(problem, line);
        Assert.False(Directory.Exists(State), "nothing may be written on a failed import");
    }

    [Fact]
    public async Task BadPolicyReferences_ExitTwoOneLineBeforeAnyRun()
    {
        var store = new PolicyStore(State);
        store.Write(Snapshot("good", 4));
        var outDir = Path.Combine(_work, "out");

        var missing = await CliProcess.RunAsync(_work, Quick, "run", "--policy", "good@5", "--state", State, "--out", outDir);
        var shape = await CliProcess.RunAsync(_work, Quick, "run", "--policy", "good@4", "--history", "5", "--state", State, "--out", outDir);
        var badRef = await CliProcess.RunAsync(_work, Quick, "run", "--policy", "good@x", "--state", State, "--out", outDir);
        var show = await Policy("show", "nosuch", "--state", State);
        var clash = Path.Combine(_work, "clash.json");
        PolicySnapshotFile.Write(clash, Snapshot("good", 4, seed: 8));
        var import = await Policy("import", clash, "--state", State);

        Assert.Equal(["ala: policy good@5: no such version (stored: 4)"], missing.ErrorLines);
        Assert.Equal(["ala: --policy good@4 takes 24 state features, this run has 14 (--history 5; a policy needs --history 10)"], shape.ErrorLines);
        Assert.Equal(["ala: policy 'good@x': policy version must be a whole number ≥ 0 after '@' (got 'x')"], badRef.ErrorLines);
        Assert.Equal([$"ala: policy nosuch: no snapshots in {Path.Combine(State, "policies")}"], show.ErrorLines);
        Assert.Equal([$"ala: policy snapshot {clash}: good@4 already exists in {Path.Combine(State, "policies")} with other weights (import it --as ANOTHER_ID)"],
            import.ErrorLines);
        Assert.All(new[] { missing, shape, badRef, show, import }, r => Assert.Equal(2, r.ExitCode));
        Assert.False(Directory.Exists(outDir));
        Assert.Equal([4L], store.Versions("good"));
    }

    private Task<CliResult> Policy(params string[] args) => CliProcess.RunAsync(_work, Quick, ["policy", .. args]);

    private static PolicySnapshot Snapshot(string id, long version, int seed = 3) =>
        PolicySnapshot.Of(id, version, new PolicyNetwork(24, 32, seed), DateTimeOffset.UnixEpoch, new SnapshotSource("fashion-mnist", "cnn", 10, version, 2 * version));
}
