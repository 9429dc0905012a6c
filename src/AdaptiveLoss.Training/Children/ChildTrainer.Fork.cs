using AdaptiveLoss.Core.Children;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// Branches of one child state (docs/noise-floor.md): train to a window end, keep that state as a <see cref="Fork"/>,
/// then run the next window from it as often as wanted, each branch with its own actions and with the batches of
/// the same data order at the same position (common random numbers) or of another order. What a branch changes
/// (weights, Adam, Φ, δ, state history, run state, data position) is put back before the next one.
/// </summary>
public sealed partial class ChildTrainer
{
    /// <summary>
    /// Trains windows 0..<paramref name="windows"/>−1 as <see cref="Run"/> does (no checkpoints, no test evaluation at
    /// the end) and returns the state at the last window end. Dispose the fork before the trainer.
    /// </summary>
    public Fork TrainAndFork(IChildController controller, int windows)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentOutOfRangeException.ThrowIfNegative(windows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windows, _plan.Windows - 1);
        var run = Start();
        using (var rollback = new TrainingSnapshot(_model, _optimizer, _task.Control))
        {
            for (var w = 0; w < windows; w++)
            {
                RunTracedWindow(w, controller, rollback, run, CancellationToken.None);
            }
        }

        // The snapshot holds the task's state too (Φ, δ, the state history), so every branch starts from the same state s_t.
        return new Fork(new TrainingSnapshot(_model, _optimizer, _task.Control), run.PreviousMetric, run.BestError,
            run.LastValidationError, _batches.Drawn, windows);
    }

    /// <summary>
    /// Runs window <see cref="Fork.Window"/> from <paramref name="fork"/>'s state under <paramref name="controller"/>'s
    /// actions; <paramref name="batchSeed"/> = null draws the same batches as every other such branch (the child's own
    /// order), a seed draws them from that seed's order at the same position. Returns the window's report.
    /// </summary>
    public WindowReport Branch(Fork fork, IChildController controller, long? batchSeed = null) =>
        Branch(fork, controller, 1, batchSeed)[0];

    /// <summary>
    /// Runs <paramref name="windows"/> windows from <paramref name="fork"/>'s state, each as <see cref="Branch(Fork, IChildController, long?)"/>
    /// runs the first: a longer horizon of the same branch (docs/noise-floor.md, horizons). <paramref name="windowEnded"/> is
    /// called after each window with the model at that window's end (for <see cref="ValidationPredictions"/>). Returns the
    /// windows' reports in order.
    /// </summary>
    public IReadOnlyList<WindowReport> Branch(Fork fork, IChildController controller, int windows, long? batchSeed = null,
        Action<WindowReport>? windowEnded = null)
    {
        ArgumentNullException.ThrowIfNull(fork);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fork.Window + windows, _plan.Windows);
        fork.Snapshot.Restore();
        _task.Refresh();
        ReplaceBatches(batchSeed ?? _spec.Seed, fork.Drawn);
        var run = new RunState(fork.PreviousMetric, fork.BestError) { LastValidationError = fork.LastValidationError };
        using var rollback = new TrainingSnapshot(_model, _optimizer, _task.Control);
        var reports = new List<WindowReport>(windows);
        for (var h = 0; h < windows; h++)
        {
            var report = RunWindow(fork.Window + h, controller, rollback, run, CancellationToken.None);
            windowEnded?.Invoke(report);
            reports.Add(report);
        }

        return reports;
    }

    /// <summary>The model's log-probabilities on the validation split now, n×C row-major, and its labels (for metrics of a branch's end).</summary>
    public (float[] LogProbabilities, int[] Labels) ValidationPredictions() =>
        (Evaluator.LogProbabilities(_model, _data.ValidationImages, _data.Classes, _device).LogProbabilities, _data.ValidationLabelArray);

    private void ReplaceBatches(long seed, long drawn)
    {
        _batches.Dispose();
        _generator.Dispose();
        _generator = new Generator(unchecked((ulong)seed));
        _batches = new BatchStream(_generator, _data.TrainCount, _options.BatchSize);
        _batches.Skip(drawn);
    }

    /// <summary>A child's state at a window end, to branch from (<see cref="Branch(Fork, IChildController, long?)"/>); owns a copy of the weights and Adam's moments.</summary>
    public sealed class Fork : IDisposable
    {
        internal Fork(TrainingSnapshot snapshot, double previousMetric, double bestError, double lastValidationError, long drawn,
            int window)
        {
            Snapshot = snapshot;
            PreviousMetric = previousMetric;
            BestError = bestError;
            LastValidationError = lastValidationError;
            Drawn = drawn;
            Window = window;
        }

        /// <summary>The window every branch runs.</summary>
        public int Window { get; }

        /// <summary>M̄ of the window before the fork: the reference every branch's reward is measured against.</summary>
        public double PreviousMetric { get; }

        internal TrainingSnapshot Snapshot { get; }

        internal double BestError { get; }

        internal double LastValidationError { get; }

        internal long Drawn { get; }

        /// <inheritdoc />
        public void Dispose() => Snapshot.Dispose();
    }
}
