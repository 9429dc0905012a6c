using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Tests.Progress;

/// <summary>
/// The terminal view without a terminal: frames written to a StringWriter, escapes and all. A frame is one write that
/// moves up over the previous frame and rewrites each line; messages to stderr erase the frame first.
/// </summary>
public sealed class ProgressBarsTests
{
    private const string Up3 = "\r\u001b[3A";
    private const string Erase = "\u001b[2K";

    private readonly StringWriter _terminal = new();
    private readonly StringWriter _stderr = new();
    private readonly ManualClock _clock = new();
    private readonly ProgressBars _bars;

    public ProgressBarsTests() =>
        _bars = new ProgressBars(_terminal, "exp", new ExperimentOptions { Epochs = 1 }, _clock, () => 121);

    [Fact]
    public void Update_TwoPolls_FirstFrameThenTheSameLinesRewrittenInPlace()
    {
        _bars.Update(Status(Children.Running(0), Children.Running(1)));
        var first = Take(_terminal);
        _clock.Advance(TimeSpan.FromSeconds(20));
        _bars.Update(Status(Children.Running(0, Children.Window(0, 400)), Children.Running(1)));
        var second = Take(_terminal);

        Assert.Equal(
            Erase + "experiment exp  running  0/2 children ended  policy v0  elapsed 0:00  ETA --:--\n"
            + Erase + ProgressBarLine.Render(Children.Running(0), 1, MetricKind.Error, null, 120) + "\n"
            + Erase + ProgressBarLine.Render(Children.Running(1), 1, MetricKind.Error, null, 120) + "\n", first);
        // Child 0: 400 iterations in 20 s, 600 left → 30 s. Child 1 has no rate yet, so the run's ETA is unknown.
        Assert.Equal(
            Up3 + Erase + "experiment exp  running  0/2 children ended  policy v5  elapsed 0:20  ETA --:--\n"
            + Erase + ProgressBarLine.Render(Children.Running(0, Children.Window(0, 400)), 1, MetricKind.Error, TimeSpan.FromSeconds(30), 120) + "\n"
            + Erase + ProgressBarLine.Render(Children.Running(1), 1, MetricKind.Error, null, 120) + "\n", second);
    }

    [Fact]
    public void WrapErrors_MessageBetweenFrames_ErasesTheFrameAndTheNextFrameStartsBelowIt()
    {
        _bars.Update(Status(Children.Running(0), Children.Running(1)));
        Take(_terminal);
        var errors = _bars.WrapErrors(_stderr);

        errors.WriteLine("ala: something happened");
        var erased = Take(_terminal);
        _bars.Update(Status(Children.Running(0), Children.Running(1)));
        var next = Take(_terminal);

        Assert.Equal(Up3 + "\u001b[J", erased);
        Assert.Equal("ala: something happened" + Environment.NewLine, _stderr.ToString());
        Assert.StartsWith(Erase + "experiment exp", next); // no cursor-up: the message stays above the new frame
    }

    [Fact]
    public void WrapErrors_MessageWithoutNewline_NextFrameStartsOnAFreshLine()
    {
        var errors = _bars.WrapErrors(_stderr);

        errors.Write("warn: partial");
        _bars.Update(Status(Children.Running(0)));

        Assert.StartsWith("\n" + Erase + "experiment exp", _terminal.ToString());
    }

    [Fact]
    public void Complete_AfterTheLastFrame_TheFrameStaysAndLaterOutputGoesBelow()
    {
        _bars.Update(Status(Children.Completed(0, 0.1, Children.Window(0, 1000))));
        var last = Take(_terminal);
        _bars.Complete();

        _bars.WrapErrors(_stderr).WriteLine("ala: done");

        Assert.Contains("1/1 children ended", last);
        Assert.Contains("test-error 10.00%", last);
        Assert.Equal(string.Empty, _terminal.ToString()); // nothing erased
    }

    [Fact]
    public void Update_NarrowTerminal_NoLineReachesTheLastColumn()
    {
        var bars = new ProgressBars(_terminal, "a-rather-long-experiment-id", new ExperimentOptions(), _clock, () => 60);

        bars.Update(Status(Children.Running(0, Children.Window(0, 400)), Children.Failed(1, new string('e', 200))));

        var lines = _terminal.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace(Erase, "", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 59, $"{l.Length}: {l}"));
    }

    [Theory]
    [InlineData("bars", true, "dumb", true)]
    [InlineData("lines", false, "xterm", false)]
    [InlineData("auto", false, "xterm-256color", true)]
    [InlineData("auto", false, null, true)]
    [InlineData("auto", true, "xterm", false)] // a pipe or a file (CI logs)
    [InlineData("auto", false, "dumb", false)]
    public void UseBars_ModeRedirectionAndTerm(string mode, bool redirected, string? term, bool expected)
    {
        Assert.Equal(expected, ProgressView.UseBars(AdaptiveLoss.Cli.Parsing.ValueParser.ProgressMode("--progress", mode), redirected, term));
    }

    private static ExperimentStatus Status(params ChildStatus[] children) => new(
        "exp", children.All(c => c.State == ChildState.Completed) ? ExperimentState.Completed : ExperimentState.Running, children, 1);

    private static string Take(StringWriter writer)
    {
        var text = writer.ToString();
        writer.GetStringBuilder().Clear();
        return text;
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
