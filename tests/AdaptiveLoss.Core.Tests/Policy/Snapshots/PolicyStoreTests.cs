using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;
using Xunit.Abstractions;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>The state folder's snapshots: STATE/policies/&lt;id&gt;/&lt;version&gt;.json, listed, read and written.</summary>
public sealed class PolicyStoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("ala-store-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private PolicyStore Store => new(_state);

    private static PolicySnapshot Snapshot(string id, long version, int seed = 1) =>
        PolicySnapshot.Of(id, version, new PolicyNetwork(24, 4, seed), DateTimeOffset.UnixEpoch, new SnapshotSource("fashion-mnist", "mlp", 10, version, 4 * version));

    [Fact]
    public void Write_ThenRead_SameWeightsAtTheDocumentedPath()
    {
        var snapshot = Snapshot("fashion", 20);

        var path = Store.Write(snapshot);
        var back = Store.Read(PolicyReference.Parse("fashion@20"));

        Assert.Equal(Path.Combine(_state, "policies", "fashion", "20.json"), path);
        Assert.Equal(snapshot.Parameters, back.Parameters);
        Assert.Equal(snapshot.Source, back.Source);
    }

    /// <summary>The documented size of a default (24 → 32 → 32 → 3, 1,955 parameters) snapshot file: about 50 KB.</summary>
    [Fact]
    public void Write_DefaultPolicy_AboutFiftyKilobytes()
    {
        var snapshot = PolicySnapshot.Of("fashion", 65, new PolicyNetwork(24, 32, seed: 1), DateTimeOffset.UnixEpoch,
            new SnapshotSource("fashion-mnist", "cnn", 10, 65, 260));
        Store.Write(snapshot with { Version = 64 }); // warm-up (JIT)

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var path = Store.Write(snapshot);
        var elapsed = clock.Elapsed.TotalMilliseconds;

        var bytes = new FileInfo(path).Length;
        output.WriteLine($"default policy snapshot: {bytes} bytes, written in {elapsed:F2} ms");
        Assert.InRange(bytes, 30_000, 70_000);
    }

    [Fact]
    public void VersionsAndLatest_NumericOrderIgnoringOtherFiles()
    {
        foreach (var version in new long[] { 10, 2, 100 })
        {
            Store.Write(Snapshot("fashion", version));
        }

        File.WriteAllText(Path.Combine(_state, "policies", "fashion", "notes.json"), "{}");
        File.WriteAllText(Path.Combine(_state, "policies", "fashion", "7.json.123.tmp"), "half");
        File.WriteAllText(Path.Combine(_state, "policies", "fashion", "007.json"), "{}");

        Assert.Equal([2L, 10L, 100L], Store.Versions("fashion"));
        Assert.Equal(100L, Store.Latest("fashion"));
        Assert.Equal(100L, Store.Read(PolicyReference.Parse("fashion")).Version);
        Assert.Null(Store.Latest("none"));
    }

    [Fact]
    public void Read_MissingPolicyOrVersion_OneLineNamingWhatIsStored()
    {
        Store.Write(Snapshot("fashion", 10));
        Store.Write(Snapshot("fashion", 20));

        var noPolicy = Assert.Throws<PolicySnapshotException>(() => Store.Read(PolicyReference.Parse("cifar")));
        var noVersion = Assert.Throws<PolicySnapshotException>(() => Store.Read(PolicyReference.Parse("fashion@15")));

        Assert.Equal($"policy cifar: no snapshots in {Path.Combine(_state, "policies")}", noPolicy.Message);
        Assert.Equal("policy fashion@15: no such version (stored: 10, 20)", noVersion.Message);
    }

    [Fact]
    public void Read_FileHoldingAnotherVersion_Refused()
    {
        var path = Store.Write(Snapshot("fashion", 10));
        File.Copy(path, Store.PathOf("fashion", 11));

        var error = Assert.Throws<PolicySnapshotException>(() => Store.Read(PolicyReference.Parse("fashion@11")));

        Assert.Equal($"policy snapshot {Store.PathOf("fashion", 11)}: holds fashion@10, not fashion@11", error.Message);
    }

    [Fact]
    public void List_CorruptLatestFile_ListedWithItsErrorNotThrown()
    {
        Store.Write(Snapshot("a", 5));
        Store.Write(Snapshot("b", 1));
        Store.Write(Snapshot("b", 2));
        File.WriteAllText(Store.PathOf("b", 2), File.ReadAllText(Store.PathOf("b", 2)).Replace("\"version\": 2", "\"version\": 3", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_state, "policies", "empty"));

        var list = Store.List();

        Assert.Equal(["a", "b"], list.Select(p => p.PolicyId));
        Assert.Equal((5L, null), (list[0].Latest!.Version, list[0].Error));
        Assert.Equal([1L, 2L], list[1].Versions);
        Assert.Null(list[1].Latest);
        Assert.Equal($"policy snapshot {Store.PathOf("b", 2)}: holds b@3, not b@2", list[1].Error);
    }

    [Fact]
    public void List_NoStateFolder_Empty()
    {
        Assert.Empty(new PolicyStore(Path.Combine(_state, "nothing")).List());
    }

    [Fact]
    public void Write_SameVersionAgain_ReplacedAtomicallyNoTemporaryLeft()
    {
        Store.Write(Snapshot("fashion", 3, seed: 1));
        var second = Snapshot("fashion", 3, seed: 2);

        Store.Write(second);

        Assert.Equal(second.Parameters, Store.Read(PolicyReference.Parse("fashion@3")).Parameters);
        Assert.Equal([Store.PathOf("fashion", 3)], Directory.GetFiles(Path.Combine(_state, "policies", "fashion")));
    }
}
