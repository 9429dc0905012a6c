using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children.Checkpoints;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// One child's training run (docs/design.md §1.6–1.7): a TorchSharp model trained with Adam under the task's loss l_Φ, one
/// controller step per window of K iterations — state s_t → <see cref="IChildController.Decide"/> → Φ moves → train
/// the window with Φ frozen, measuring the validation metric S times → reward → <see cref="IChildController.Report"/>
/// — with guards that roll the child back to its last window end. Everything task-specific (model head, loss, metric,
/// state, actions) goes through the child's <see cref="ITrainingTask"/> (docs/design.md §3). Synchronous and
/// single-threaded: run it on the child's dedicated thread. Owns the model, optimizer, task and data order; the
/// <see cref="TaskData"/> is shared.
/// </summary>
public sealed partial class ChildTrainer : IDisposable
{
    // torch.random.manual_seed is process-global: seeding and initialising under one lock makes a child's
    // initialisation depend on its seed only, even with children starting concurrently.
    private static readonly object InitLock = new();

    private readonly ChildSpec _spec;
    private readonly ChildSettings _options;
    private readonly TaskData _data;
    private readonly Device _device;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly Adam _optimizer;
    private Generator _generator;
    private BatchStream _batches;
    private readonly ITrainingTask _task;
    private readonly WindowPlan _plan;
    private readonly CheckpointFolder? _checkpoints;

    /// <summary>
    /// Builds the child's task (from the options' task kind), model (seeded by <see cref="ChildSpec.Seed"/>), optimizer,
    /// Φ_0 and data order. With a <paramref name="checkpointFolder"/> (one per child, e.g.
    /// <c>&lt;state&gt;/checkpoints/&lt;experiment&gt;/&lt;index&gt;</c>) the child checkpoints there at every window end
    /// and <see cref="Run"/> resumes from the newest checkpoint in it; without one nothing is written and every run
    /// starts fresh.
    /// </summary>
    public ChildTrainer(ChildSpec spec, TaskData data, string? checkpointFolder = null)
        : this(spec, data, TrainingTasks.Create, checkpointFolder)
    {
    }

    /// <summary>A child of the task that <paramref name="createTask"/> builds (tests train a task of their own through here).</summary>
    internal ChildTrainer(ChildSpec spec, TaskData data, Func<ChildSettings, TaskData, Device, ITrainingTask> createTask,
        string? checkpointFolder = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(createTask);
        _spec = spec;
        _options = spec.Settings;
        _data = data;
        _device = ResolveDevice(_options.Device);
        ChildTuning.EnsureAllocator();
        // Building the task draws no random numbers, so the model's initialisation below is as before.
        _task = createTask(_options, data, _device);
        lock (InitLock)
        {
            torch.random.manual_seed(spec.Seed);
            _model = _task.CreateModel();
        }

        _model.to(_device);
        _model.train();
        _optimizer = torch.optim.Adam(_model.parameters(), lr: _options.LearningRate);
        _generator = new Generator(unchecked((ulong)spec.Seed));
        _batches = new BatchStream(_generator, data.TrainCount, _options.BatchSize);
        _plan = WindowPlan.Create(data.TrainCount, _options.BatchSize, _options.Epochs, _options.Window);
        _checkpoints = checkpointFolder is null ? null : new CheckpointFolder(checkpointFolder);
    }

    /// <summary>Test seam (docs/design.md §1.7 guards): when it returns true for a window index, that batch's loss is made NaN.</summary>
    internal Func<int, bool>? FaultInjection { get; set; }

    /// <summary>Test seam: when it returns true for a window index, the next batch throws a native (libtorch) error.</summary>
    internal Func<int, bool>? NativeFaultInjection { get; set; }

    /// <summary>Called after each window's report, with the window index (tests measure live tensors here).</summary>
    internal Action<int>? AfterWindow { get; set; }

    /// <summary>The model (tests compare weights across a rollback).</summary>
    internal nn.Module<Tensor, Tensor> Model => _model;

    /// <summary>The loss parameters now (Φ row-major for classification; tests check that a rollback restores them).</summary>
    internal double[] CurrentPhi => _task.Control.Save().Parameters;

    /// <summary>Number of controller windows of the run.</summary>
    public int Windows => _plan.Windows;

    /// <summary>Training iterations of the run: epochs × ⌈n / batch⌉.</summary>
    public long TotalIterations => _plan.TotalIterations;

    /// <summary>
    /// Trains the whole run, talking to <paramref name="controller"/> once per window (one Decide, one Report), and
    /// returns the final validation metric and the single test evaluation. Checks <paramref name="cancellationToken"/>
    /// at every batch and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public ChildOutcome Run(IChildController controller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var clock = Stopwatch.StartNew();
        // A checkpoint is read, verified and checked in full before any of it is applied (CheckpointException).
        var (run, first, before) = Resume() ?? (Start(), 0, 0.0);
        using var snapshot = new TrainingSnapshot(_model, _optimizer, _task.Control);
        // With siblings (docs/credit.md), the best sibling's end state while the others train.
        using var best = _options.Siblings > 1 ? new TrainingSnapshot(_model, _optimizer, _task.Control) : null;
        for (var w = first; w < _plan.Windows; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (best is null)
            {
                RunTracedWindow(w, controller, snapshot, run, cancellationToken);
            }
            else
            {
                run = RunSiblingWindow(w, controller, snapshot, best, run, cancellationToken);
            }

            // After the report: a clean stop never reports a window twice; a crash between the report and the end of
            // this write reruns window w on resume (at least once, so the coordinator keys transitions by child and window).
            if (_checkpoints is not null)
            {
                WriteCheckpoint(w + 1, run, before + clock.Elapsed.TotalSeconds);
            }

            AfterWindow?.Invoke(w);
        }

        var final = EvaluateValidation();
        var (test, postHoc) = _task.Test(_model);
        var parameters = _task.Control.Save();
        return new ChildOutcome(_spec.ChildId, _spec.Seed, _data.Classes, final.Metric, final.Error, test.Error,
            test.Get(_options.Metric), _plan.Windows, run.Discarded, _task.Control.ParameterStats(), parameters.Parameters,
            before + clock.Elapsed.TotalSeconds)
        {
            Test = test,
            TestPostHoc = postHoc,
            BestValidation = run.Best,
            Data = _data.Summary,
            ClassOffsets = parameters.Offsets,
            SiblingCosts = _options.Siblings > 1 ? SiblingCosts : null,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _task.Dispose();
        _batches.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
        _generator.Dispose();
    }

    /// <summary>A fresh run's start: the initial validation metric (M̄_prev of window 0) and the first observation.</summary>
    private RunState Start()
    {
        var initial = EvaluateValidation();
        if (initial.IsFinite())
        {
            _task.Observe(initial);
        }

        return new RunState(initial.Metric, initial.Error);
    }

    private Evaluation EvaluateValidation() => _task.Evaluate(_model);

    private static Device ResolveDevice(string device)
    {
        if (device == "cuda" && !torch.cuda.is_available())
        {
            throw new InvalidOperationException("--device cuda: no CUDA device is available to this process");
        }

        return torch.device(device);
    }

    /// <summary>What carries from window to window: M̄_prev, the best validation error and the discarded count.</summary>
    internal sealed class RunState(double previousMetric, double bestError)
    {
        public double PreviousMetric { get; set; } = previousMetric;

        public double BestError { get; set; } = bestError;

        public double LastValidationError { get; set; } = bestError;

        public int Discarded { get; set; }

        public int ConsecutiveNativeFaults { get; set; }

        /// <summary>The best window end by validation so far, with its test metrics (early stopping); null before the first.</summary>
        public BestValidation? Best { get; set; }

        /// <summary>A copy, for a sibling that trains from this state (docs/credit.md).</summary>
        public RunState Copy() => (RunState)MemberwiseClone();
    }
}
