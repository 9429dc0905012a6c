using System.Text;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// The terminal view: a header line and one <see cref="ProgressBarLine"/> per child, redrawn in place at every poll.
/// Each frame is one write (cursor up over the previous frame, then each line erased and rewritten), so the ~500 ms
/// redraw does not flicker; the last frame is left on screen when the run ends. Messages to stderr go through
/// <see cref="WrapErrors"/>, which erases the frame first so a message is never overwritten; the next frame is drawn
/// below it.
/// </summary>
internal sealed class ProgressBars : IProgressView
{
    /// <summary>ANSI control sequence introducer.</summary>
    public const string Csi = "\u001b[";

    private readonly object _gate = new();
    private readonly TextWriter _terminal;
    private readonly string _experimentId;
    private readonly ExperimentOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<int> _width;
    private readonly long _start;
    private readonly EtaEstimator _eta = new();
    private int _drawnLines;
    private bool _messageOpen;

    /// <summary>A view writing frames to <paramref name="terminal"/>.</summary>
    /// <param name="terminal">Standard output, a terminal.</param>
    /// <param name="experimentId">Shown in the header.</param>
    /// <param name="options">Epochs and metric of the run.</param>
    /// <param name="clock">Monotonic time of the ETA and the elapsed time.</param>
    /// <param name="width">Columns of the terminal, asked at every frame (the window may be resized).</param>
    public ProgressBars(TextWriter terminal, string experimentId, ExperimentOptions options, TimeProvider clock, Func<int> width)
    {
        _terminal = terminal;
        _experimentId = experimentId;
        _options = options;
        _clock = clock;
        _width = width;
        _start = clock.GetTimestamp();
    }

    /// <summary>Columns of this process's terminal, 80 when unknown.</summary>
    public static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <inheritdoc />
    public void Update(ExperimentStatus status)
    {
        var now = _clock.GetElapsedTime(_start);
        foreach (var child in status.Children)
        {
            _eta.Observe(child.ChildId, child.Windows.Count > 0 ? child.Windows[^1].Iteration : 0, now);
        }

        var frame = Frame(status, now);
        lock (_gate)
        {
            var text = new StringBuilder();
            if (_messageOpen)
            {
                // A message ended without a newline: start the frame on the next line instead of erasing it.
                text.Append('\n');
                _messageOpen = false;
            }
            else if (_drawnLines > 0)
            {
                text.Append('\r').Append(Csi).Append(_drawnLines).Append('A');
            }

            foreach (var line in frame)
            {
                text.Append(Csi).Append("2K").Append(line).Append('\n');
            }

            _terminal.Write(text.ToString());
            _terminal.Flush();
            _drawnLines = frame.Count;
        }
    }

    /// <summary>A writer for messages (stderr) that erases the frame before each write instead of being overwritten by it.</summary>
    public TextWriter WrapErrors(TextWriter error) => new FrameAwareWriter(error, this);

    /// <summary>Leaves the current frame on screen: later output starts below it.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _drawnLines = 0;
        }
    }

    /// <summary>Writes <paramref name="message"/> through <paramref name="error"/> with the frame erased first.</summary>
    internal void WriteMessage(TextWriter error, string message)
    {
        lock (_gate)
        {
            if (_drawnLines > 0)
            {
                // Up to the frame's first line, then erase to the end of the screen: the message takes its place.
                _terminal.Write($"\r{Csi}{_drawnLines}A{Csi}J");
                _terminal.Flush();
                _drawnLines = 0;
            }

            error.Write(message);
            error.Flush();
            _messageOpen = !message.EndsWith('\n');
        }
    }

    private List<string> Frame(ExperimentStatus status, TimeSpan now)
    {
        var width = Math.Max(20, _width() - 1); // never the last column: some terminals wrap there
        var lines = new List<string>(status.Children.Count + 1);
        TimeSpan? longest = TimeSpan.Zero;
        foreach (var child in status.Children)
        {
            var eta = child.State.HasEnded()
                ? TimeSpan.Zero
                : _eta.Eta(child.ChildId, child.Windows.Count > 0 ? child.Windows[^1].TotalIterations : 0, now);
            longest = eta is null || longest is null ? null : TimeSpan.FromTicks(Math.Max(eta.Value.Ticks, longest.Value.Ticks));
            lines.Add(ProgressBarLine.Render(child, _options.Epochs, _options.Metric, eta, width));
        }

        lines.Insert(0, Header(status, now, longest, width));
        return lines;
    }

    private string Header(ExperimentStatus status, TimeSpan now, TimeSpan? eta, int width)
    {
        var ended = status.Children.Count(c => c.State.HasEnded());
        var policy = status.Children.SelectMany(c => c.Windows).Select(w => w.PolicyVersion).DefaultIfEmpty(0).Max();
        var line = $"experiment {_experimentId}  {status.State.ToString().ToLowerInvariant()}  {ended}/{status.Children.Count} children ended"
            + $"  policy v{policy}  elapsed {EtaEstimator.Format(now)}  ETA {EtaEstimator.Format(eta)}";
        return line.Length <= width ? line : line[..(width - 1)] + "…";
    }
}
