using System.Text;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>
/// Fuzzing the snapshot reader: random bytes, truncations and byte flips of a valid file each end in a
/// <see cref="PolicySnapshotException"/> (or, for a harmless flip, a valid snapshot), never another exception or a hang.
/// Seeded, so a failure replays.
/// </summary>
public sealed class PolicySnapshotFuzzTests : IDisposable
{
    private const int Cases = 300;
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-snapshot-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_RandomBytes_OnlySnapshotExceptions()
    {
        var random = new Random(11);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            // Half of the cases start like a snapshot, so the fuzz reaches past the first JSON token.
            var text = i % 2 == 0 ? bytes : [.. Encoding.UTF8.GetBytes("{\"format\":\"adaptive-loss.policy\",\"schemaVersion\":1,"), .. bytes];
            AssertOnlySnapshotErrors(text, $"random case {i}");
        }
    }

    [Fact]
    public void Read_TruncationsOfAValidFile_OnlySnapshotExceptions()
    {
        var valid = Encoding.UTF8.GetBytes(PolicySnapshotCodec.Encode(PolicySnapshotCodecTests.Snapshot(new PolicyNetwork(4, 3, seed: 2))));
        var random = new Random(12);
        for (var i = 0; i < Cases; i++)
        {
            var length = random.Next(0, valid.Length);
            AssertOnlySnapshotErrors(valid[..length], $"truncated to {length} of {valid.Length}", mustFail: true);
        }
    }

    [Fact]
    public void Read_ByteFlipsOfAValidFile_OnlySnapshotExceptionsOrTheSameSnapshot()
    {
        var valid = Encoding.UTF8.GetBytes(PolicySnapshotCodec.Encode(PolicySnapshotCodecTests.Snapshot(new PolicyNetwork(4, 3, seed: 2))));
        var random = new Random(13);
        for (var i = 0; i < Cases; i++)
        {
            var bytes = (byte[])valid.Clone();
            var flips = random.Next(1, 4);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            AssertOnlySnapshotErrors(bytes, $"flip case {i}");
        }
    }

    private void AssertOnlySnapshotErrors(byte[] content, string what, bool mustFail = false)
    {
        var path = Path.Combine(_folder, "p.json");
        File.WriteAllBytes(path, content);
        try
        {
            PolicySnapshotFile.Read(path);
            Assert.False(mustFail, $"{what}: accepted");
        }
        catch (PolicySnapshotException ex)
        {
            Assert.False(ex.Message.Contains('\n'), $"{what}: a multi-line message: {ex.Message}");
            Assert.StartsWith($"policy snapshot {path}: ", ex.Message);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
