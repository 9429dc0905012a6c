using System.Diagnostics;
using System.Text.Json;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Training.Children.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// Checkpoints of <see cref="ChildTrainer"/> (docs/durability.md): at every window end, after the report, the model's state
/// dict, Adam's moments and step counts, the task's state (Φ, δ and the state history for classification), the run state
/// and the data position go to the checkpoint folder; a trainer given a folder with a checkpoint resumes from it.
/// </summary>
public sealed partial class ChildTrainer
{
    /// <summary>The window the run resumed at (windows before it came from a checkpoint), or null for a fresh run.</summary>
    public int? ResumedAt { get; private set; }

    /// <summary>Size (bytes) and write time of the last checkpoint (measurements, tests).</summary>
    internal (long Bytes, TimeSpan Elapsed) LastCheckpoint { get; private set; }

    /// <summary>Test seam: called after each checkpoint file is written, before the checkpoint is published.</summary>
    internal Action<string>? CheckpointFileWritten
    {
        get => _checkpoints?.FileWritten;
        set => _checkpoints!.FileWritten = value;
    }

    /// <summary>Writes the checkpoint of the state after <paramref name="nextWindow"/> windows.</summary>
    internal void WriteCheckpoint(int nextWindow, RunState run, double elapsedSeconds)
    {
        var started = Stopwatch.GetTimestamp();
        var adam = AdamStates();
        var task = _task.Control.Save();
        var state = new CheckpointState
        {
            ChildId = _spec.ChildId, Seed = _spec.Seed, Model = _options.Model.ToString(), Classes = _data.Classes,
            InputShape = _data.InputShape, TrainCount = _data.TrainCount, BatchSize = _options.BatchSize,
            WindowLength = _plan.WindowLength, TotalIterations = _plan.TotalIterations,
            Training = CheckpointChecks.Training(_options),
            NextWindow = nextWindow, Iteration = _batches.Drawn,
            PreviousMetric = run.PreviousMetric, BestError = run.BestError, LastValidationError = run.LastValidationError,
            Discarded = run.Discarded, ConsecutiveNativeFaults = run.ConsecutiveNativeFaults, ElapsedSeconds = elapsedSeconds,
            Best = run.Best, Offsets = task.Offsets, Phi = task.Parameters, History = task.History,
            Shares = task.Shares,
            AdamSteps = adam.Select(s => s.step).ToArray(),
        };
        var bytes = _checkpoints!.Write(_spec.ChildId, nextWindow, new (string, Action<Stream>)[]
        {
            (ChildCheckpoint.ModelFile, s => TensorFile.Write(s, _model.state_dict().Select(kv => (kv.Key, kv.Value)))),
            (ChildCheckpoint.OptimizerFile, s => TensorFile.Write(s, adam.SelectMany((a, i) =>
                new[] { ($"{i}.exp_avg", a.exp_avg), ($"{i}.exp_avg_sq", a.exp_avg_sq) }))),
            (ChildCheckpoint.StateFile, s => JsonSerializer.Serialize(s, state, CheckpointFolder.Json)),
        });
        LastCheckpoint = (bytes, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Loads the newest checkpoint, if any: reads and verifies all of it, checks it against this child, and only
    /// then applies it. Returns the restored run state, the first window to run and the training time before.
    /// </summary>
    private (RunState Run, int NextWindow, double ElapsedSeconds)? Resume()
    {
        var folder = _checkpoints?.Latest();
        if (folder is null)
        {
            return null;
        }

        var checkpoint = ChildCheckpoint.Read(folder);
        var state = checkpoint.State;
        CheckpointChecks.Identity(checkpoint, _spec, _data, _plan, _task.Control);
        var adam = AdamStates();
        CheckpointChecks.Tensors(checkpoint.PathOf(ChildCheckpoint.ModelFile), checkpoint.Model,
            _model.state_dict().Select(kv => (kv.Key, kv.Value)).ToList());
        CheckpointChecks.Tensors(checkpoint.PathOf(ChildCheckpoint.OptimizerFile), checkpoint.Optimizer,
            adam.SelectMany((a, i) => new[] { ($"{i}.exp_avg", a.exp_avg), ($"{i}.exp_avg_sq", a.exp_avg_sq) }).ToList());
        if (state.AdamSteps.Length != adam.Length)
        {
            throw new CheckpointException(checkpoint.PathOf(ChildCheckpoint.StateFile),
                $"{state.AdamSteps.Length} Adam step counts, the model has {adam.Length} parameters");
        }

        Apply(checkpoint, adam);
        ResumedAt = state.NextWindow;
        var run = new RunState(state.PreviousMetric, state.BestError)
        {
            LastValidationError = state.LastValidationError,
            Discarded = state.Discarded,
            ConsecutiveNativeFaults = state.ConsecutiveNativeFaults,
            Best = state.Best,
        };
        return (run, state.NextWindow, state.ElapsedSeconds);
    }

    private void Apply(ChildCheckpoint checkpoint, Adam.State[] adam)
    {
        using (var scope = torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var live = _model.state_dict().Values.ToArray();
            for (var i = 0; i < live.Length; i++)
            {
                live[i].copy_(TensorFile.ToTensor(checkpoint.Model[i]));
            }

            for (var i = 0; i < adam.Length; i++)
            {
                adam[i].exp_avg.copy_(TensorFile.ToTensor(checkpoint.Optimizer[2 * i]));
                adam[i].exp_avg_sq.copy_(TensorFile.ToTensor(checkpoint.Optimizer[(2 * i) + 1]));
                adam[i].step = checkpoint.State.AdamSteps[i];
            }
        }

        _task.Control.Load(CheckpointChecks.TaskState(checkpoint.State));
        _task.Refresh();
        _batches.Skip(checkpoint.State.Iteration);
    }

    private Adam.State[] AdamStates() => _optimizer.state_dict().State.Cast<Adam.State>().ToArray();
}
