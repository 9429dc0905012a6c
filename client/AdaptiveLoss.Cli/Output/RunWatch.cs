using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// Everything that follows the polled status of <c>ala run</c>: the progress view (bars or lines). With bars, stderr
/// (ours and the console logger's, via <see cref="Console.SetError"/>) goes through the bars so messages are not
/// overwritten; dispose restores it and leaves the last frame. TensorBoard events are the silo's, written as the
/// windows end (docs/cli.md, "TensorBoard"), not the watcher's.
/// </summary>
internal sealed class RunWatch : IDisposable
{
    private readonly IProgressView _progress;
    private readonly ProgressBars? _bars;
    private readonly TextWriter? _originalError;
    private bool _disposed;

    private RunWatch(IProgressView progress, ProgressBars? bars, TextWriter error, TextWriter? originalError)
    {
        _progress = progress;
        _bars = bars;
        Error = error;
        _originalError = originalError;
    }

    /// <summary>Where the run writes its messages while it is watched (stderr, erasing the bars first when they are drawn).</summary>
    public TextWriter Error { get; }

    /// <summary>Starts watching <paramref name="plan"/>'s run; call before the Orleans host is built so its logger writes through <see cref="Error"/>.</summary>
    public static RunWatch Start(RunPlan plan, TextWriter output, TextWriter error)
    {
        if (!ProgressView.UseBars(plan.Progress))
        {
            return new RunWatch(new ProgressPrinter(output, plan.Options.Metric), null, error, null);
        }

        var bars = new ProgressBars(output, plan.ExperimentId, plan.Options, TimeProvider.System, ProgressBars.ConsoleWidth);
        var wrapped = bars.WrapErrors(error);
        var original = Console.Error;
        Console.SetError(wrapped);
        return new RunWatch(bars, bars, wrapped, original);
    }

    /// <summary>Shows <paramref name="status"/> (the watcher's whole copy of the run).</summary>
    public void Update(ExperimentStatus status) => _progress.Update(status);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _bars?.Complete();
        if (_originalError is not null)
        {
            Console.SetError(_originalError);
        }
    }
}
