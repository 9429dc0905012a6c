using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.TensorBoard;

namespace AdaptiveLoss.Reporting.Tests.TensorBoard;

/// <summary>The event files of an experiment fed from polled statuses, read back with the independent reader.</summary>
public sealed class TensorBoardLogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ala-tb-").FullName;
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Append_GrowingStatuses_OneFilePerChildWithEveryWindowOnceAtItsIteration()
    {
        var full = Statuses.Experiment();
        using (var log = new TensorBoardLog(_root, "exp", MetricKind.Error, _clock))
        {
            log.Append(Truncated(full, 0));
            _clock.Now = _clock.Now.AddSeconds(2);
            log.Append(Truncated(full, 2));
            log.Append(Truncated(full, 2)); // a poll without anything new writes nothing
            log.Append(full);
        }

        Assert.Equal(["child-0", "child-1", "child-2"], Directory.GetDirectories(Path.Combine(_root, "exp")).Select(Path.GetFileName).Order());
        foreach (var (child, index) in full.Children.Select((c, i) => (c, i)))
        {
            var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "exp", $"child-{index}")));
            Assert.Equal($"events.out.tfevents.1700000000.{Environment.MachineName}", Path.GetFileName(file));
            var events = EventFileReader.Read(file);

            Assert.Equal(EventProto.FileVersion, events[0].FileVersion);
            Assert.Equal(1_700_000_000.25, events[0].WallTime);
            Assert.Equal(child.Windows.Select(w => w.Iteration), events.Skip(1).Select(e => e.Step));
            Assert.Equal(child.Windows.Select(Expected), events.Skip(1).Select(e => e.Scalars));
            Assert.Equal(1_700_000_002.25, events[^1].WallTime);
        }
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
    public void Append_FolderIsAFile_IOException()
    {
        File.WriteAllText(Path.Combine(_root, "exp"), "in the way");
        using var log = new TensorBoardLog(_root, "exp", MetricKind.Error, _clock);

        Assert.ThrowsAny<IOException>(() => log.Append(Statuses.Experiment()));
    }

    private static IReadOnlyList<(string, float)> Expected(WindowSummary w) =>
        WindowScalars.For(w, MetricKind.Error).Select(s => (s.Tag, s.Value)).ToList();

    private static ExperimentStatus Truncated(ExperimentStatus status, int windows) => status with
    {
        Children = status.Children.Select(c => c with { Windows = c.Windows.Take(windows).ToList() }).ToList(),
    };

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
