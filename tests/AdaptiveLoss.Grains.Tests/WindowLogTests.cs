using AdaptiveLoss.Grains.Children;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>The child's window log: revisions per report, the windows after a revision, and a restored log.</summary>
public sealed class WindowLogTests
{
    [Fact]
    public void Since_AfterReports_TheWindowsWrittenLaterIncludingARerunWindow()
    {
        var log = new WindowLog();
        log.Record(Window(0, 0.5));
        log.Record(Window(1, 0.4));
        log.Record(Window(2, 0.3));
        log.Record(Window(1, 0.35)); // window 1 re-run after a resume replaces its first report

        Assert.Equal((4L, 3), (log.Revision, log.Count));
        Assert.Equal([(0, 0.5), (1, 0.35), (2, 0.3)], Pairs(log.All));
        Assert.Equal([(1, 0.35), (2, 0.3)], Pairs(log.Since(2)));
        Assert.Equal([(1, 0.35)], Pairs(log.Since(3)));
        Assert.Empty(log.Since(4));
        Assert.Equal(3, log.Since(0).Length);
    }

    [Theory]
    [InlineData(5L, 5L)]
    [InlineData(0L, 2L)] // a record from before revisions were stored
    public void Restore_StoredWindows_SeenRevisionGetsNoneAnEarlierOneAll(long stored, long expected)
    {
        var log = new WindowLog();
        log.Restore([Window(0, 0.5), Window(1, 0.4)], stored);

        Assert.Equal(expected, log.Revision);
        Assert.Empty(log.Since(expected));
        Assert.Equal([0, 1], log.Since(expected - 1).Select(w => w.Window));
        log.Record(Window(2, 0.3));
        Assert.Equal([2], log.Since(expected).Select(w => w.Window));
    }

    private static WindowSummary Window(int index, double error) =>
        new(index, 0, (index + 1) * 10L, 100, error, error, 0, 0, 1, 100, 0, null, [0, 1, 0]);

    private static (int, double)[] Pairs(IEnumerable<WindowSummary> windows) => [.. windows.Select(w => (w.Window, w.ValidationError))];
}
