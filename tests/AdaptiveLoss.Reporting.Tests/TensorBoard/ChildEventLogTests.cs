using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.TensorBoard;

namespace AdaptiveLoss.Reporting.Tests.TensorBoard;

/// <summary>One child's event file as its training side writes it, read back with the independent reader.</summary>
public sealed class ChildEventLogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ala-tb-").FullName;
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Write_Windows_OneFileInTheChildsFolderWithEveryWindowAtItsIteration()
    {
        var windows = Statuses.Completed(1, 0.12, 0.13, 0.04).Windows;
        using (var log = ChildEventLog.Open(_root, "exp/1", MetricKind.Error, resume: false, _clock))
        {
            _clock.Now = _clock.Now.AddSeconds(2);
            Assert.All(windows, w => Assert.True(log.Write(w)));
        }

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "exp", "child-1")));
        Assert.Equal($"events.out.tfevents.1700000000.{Environment.MachineName}", Path.GetFileName(file));
        var events = EventFileReader.Read(file);
        Assert.Equal(EventProto.FileVersion, events[0].FileVersion);
        Assert.Equal(1_700_000_000.25, events[0].WallTime);
        Assert.Equal(windows.Select(w => w.Iteration), events.Skip(1).Select(e => e.Step));
        Assert.Equal(windows.Select(Expected), events.Skip(1).Select(e => e.Scalars));
        Assert.Equal(1_700_000_002.25, events[^1].WallTime);
    }

    [Fact]
    public void Open_Resumed_ContinuesTheNewestFileWithoutTheWindowsAlreadyInIt()
    {
        var windows = Statuses.Completed(0, 0.12, 0.13, 0.04).Windows;
        string path;
        using (var first = ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: false, _clock))
        {
            path = first.Path;
            Assert.All(windows.Take(3), w => first.Write(w));
        }

        _clock.Now = _clock.Now.AddMinutes(1);
        using (var resumed = ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: true, _clock))
        {
            Assert.Equal(path, resumed.Path);
            // The resumed run re-runs window 2 (reported, not yet checkpointed) and goes on.
            Assert.Equal([false, true, true], windows.Skip(2).Take(3).Select(resumed.Write));
        }

        var events = EventFileReader.Read(Assert.Single(Directory.GetFiles(Path.Combine(_root, "exp", "child-0"))));
        Assert.Single(events, e => e.FileVersion is not null);
        Assert.Equal(windows.Take(5).Select(w => w.Iteration), events.Skip(1).Select(e => e.Step));
    }

    [Fact]
    public void Open_NotResumed_ANewFileBesideTheEarlierRun()
    {
        using (var first = ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: false, _clock))
        {
            first.Write(Statuses.Window(0, 0.5, [1, 1, 1]));
        }

        _clock.Now = _clock.Now.AddSeconds(10);
        using (var again = ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: false, _clock))
        {
            Assert.True(again.Write(Statuses.Window(0, 0.4, [1, 1, 1])));
        }

        Assert.Equal(2, Directory.GetFiles(Path.Combine(_root, "exp", "child-0")).Length);
    }

    [Fact]
    public void Open_ResumedAfterATornRecord_ANewFile()
    {
        string path;
        using (var first = ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: false, _clock))
        {
            path = first.Path;
            first.Write(Statuses.Window(0, 0.5, [1, 1, 1]));
        }

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^3]); // a writer killed in the middle of a record
        _clock.Now = _clock.Now.AddSeconds(10);
        using var resumed = ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: true, _clock);

        Assert.NotEqual(path, resumed.Path);
        Assert.Null(EventFileTail.LastStep(path));
        Assert.True(resumed.Write(Statuses.Window(0, 0.5, [1, 1, 1])));
    }

    [Theory]
    [InlineData("exp/3", "exp/child-3")]
    [InlineData("a/b/0", null)]
    [InlineData("../0", null)]
    [InlineData("0", null)]
    public void Folder_ChildKey_UnderTheRootOrRefused(string childId, string? expected)
    {
        if (expected is null)
        {
            Assert.Throws<ArgumentException>(() => ChildEventLog.Folder(_root, childId));
            return;
        }

        Assert.Equal(Path.Combine(_root, expected), ChildEventLog.Folder(_root, childId));
    }

    [Fact]
    public void For_Window_TagsAndValuesInOrder()
    {
        var window = Statuses.Window(3, 0.125, [1, 2, 3], discard: "collapse");

        Assert.Equal(
        [
            new("train/loss", 0.5f), new("validation/error", 0.125f), new("reward", 0.3f), new("phi/norm", 0.03f),
            new("throughput/images_per_second", 1000f), new("guard/discarded", 1f),
        ], WindowScalars.For(window, MetricKind.Error));
        Assert.Equal(
        [
            new("train/loss", 0.5f), new("validation/error", 0.125f), new("validation/f1", 0.125f), new("reward", 0.3f),
            new("phi/norm", 0.03f), new("throughput/images_per_second", 1000f), new("guard/discarded", 0f),
        ], WindowScalars.For(window with { DiscardReason = null, WindowMetric = 0.125 }, MetricKind.F1));
    }

    [Fact]
    public void Open_FolderIsAFile_IOException()
    {
        File.WriteAllText(Path.Combine(_root, "exp"), "in the way");

        Assert.ThrowsAny<IOException>(() => ChildEventLog.Open(_root, "exp/0", MetricKind.Error, resume: false, _clock));
    }

    private static IReadOnlyList<(string, float)> Expected(WindowSummary w) =>
        WindowScalars.For(w, MetricKind.Error).Select(s => (s.Tag, s.Value)).ToList();

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
