using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.TensorBoard;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// Everything that follows the polled status of <c>ala run</c>: the progress view (bars or lines) and the optional
/// TensorBoard log. With bars, stderr (ours and the console logger's, via <see cref="Console.SetError"/>) goes through
/// the bars so messages are not overwritten; dispose restores it, leaves the last frame and closes the event files.
/// </summary>
internal sealed class RunWatch : IDisposable
{
    private readonly IProgressView _progress;
    private readonly ProgressBars? _bars;
    private readonly TextWriter? _originalError;
    private TensorBoardLog? _tensorBoard;
    private bool _disposed;

    private RunWatch(IProgressView progress, ProgressBars? bars, TextWriter error, TextWriter? originalError, TensorBoardLog? tensorBoard)
    {
        _progress = progress;
        _bars = bars;
        Error = error;
        _originalError = originalError;
        _tensorBoard = tensorBoard;
    }

    /// <summary>Where the run writes its messages while it is watched (stderr, erasing the bars first when they are drawn).</summary>
    public TextWriter Error { get; }

    /// <summary>Starts watching <paramref name="plan"/>'s run; call before the Orleans host is built so its logger writes through <see cref="Error"/>.</summary>
    public static RunWatch Start(RunPlan plan, TextWriter output, TextWriter error)
    {
        var tensorBoard = plan.TensorBoardDirectory is { } dir ? new TensorBoardLog(dir, plan.ExperimentId, plan.Options.Metric) : null;
        if (!ProgressView.UseBars(plan.Progress))
        {
            return new RunWatch(new ProgressPrinter(output, plan.Options.Metric), null, error, null, tensorBoard);
        }

        var bars = new ProgressBars(output, plan.ExperimentId, plan.Options, TimeProvider.System, ProgressBars.ConsoleWidth);
        var wrapped = bars.WrapErrors(error);
        var original = Console.Error;
        Console.SetError(wrapped);
        return new RunWatch(bars, bars, wrapped, original, tensorBoard);
    }

    /// <summary>Shows <paramref name="status"/> and appends its new windows to the TensorBoard files.</summary>
    public void Update(ExperimentStatus status)
    {
        _progress.Update(status);
        try
        {
            _tensorBoard?.Append(status);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // TensorBoard is a view of the run, not its result: report once, stop writing, let training go on.
            Error.WriteLine($"ala: TensorBoard events no longer written: {RunCommand.OneLine(ex.Message)}");
            _tensorBoard?.Dispose();
            _tensorBoard = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _tensorBoard?.Dispose();
        _bars?.Complete();
        if (_originalError is not null)
        {
            Console.SetError(_originalError);
        }
    }
}
