using AdaptiveLoss.Core.Control;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// The in-memory checkpoint of a child at its last accepted window end (docs/design.md §1.7): copies of the model's state-dict
/// tensors (parameters and BatchNorm buffers), of Adam's per-parameter moments and step counts, and the task's state (Φ, the class
/// offsets δ and the state history for classification). Restoring copies the values back in place, so the optimizer keeps
/// referencing the same parameters on any device.
/// </summary>
internal sealed class TrainingSnapshot : IDisposable
{
    private readonly (Tensor Live, Tensor Copy)[] _model;
    private readonly (Adam.State Live, Tensor ExpAvg, Tensor ExpAvgSq)[] _optimizer;
    private readonly long[] _steps;
    private readonly ILossTask _task;
    private LossTaskState _taskState;

    public TrainingSnapshot(nn.Module model, Adam optimizer, ILossTask task)
    {
        using var noGrad = torch.no_grad();
        _model = model.state_dict().Values.Select(t => (t, t.detach().clone().DetachFromDisposeScope())).ToArray();
        _optimizer = optimizer.state_dict().State.Cast<Adam.State>()
            .Select(s => (s, s.exp_avg.clone().DetachFromDisposeScope(), s.exp_avg_sq.clone().DetachFromDisposeScope()))
            .ToArray();
        _steps = _optimizer.Select(s => s.Live.step).ToArray();
        _task = task;
        _taskState = task.Save();
    }

    /// <summary>Overwrites the snapshot with the current state.</summary>
    public void Capture() => Copy(toLive: false);

    /// <summary>Puts the snapshot's state back into the model, the optimizer and the task.</summary>
    public void Restore() => Copy(toLive: true);

    public void Dispose()
    {
        foreach (var (_, copy) in _model)
        {
            copy.Dispose();
        }

        foreach (var (_, expAvg, expAvgSq) in _optimizer)
        {
            expAvg.Dispose();
            expAvgSq.Dispose();
        }
    }

    private void Copy(bool toLive)
    {
        using var noGrad = torch.no_grad();
        foreach (var (live, copy) in _model)
        {
            (toLive ? live : copy).copy_(toLive ? copy : live);
        }

        for (var i = 0; i < _optimizer.Length; i++)
        {
            var (state, expAvg, expAvgSq) = _optimizer[i];
            if (toLive)
            {
                state.exp_avg.copy_(expAvg);
                state.exp_avg_sq.copy_(expAvgSq);
                state.step = _steps[i];
            }
            else
            {
                expAvg.copy_(state.exp_avg);
                expAvgSq.copy_(state.exp_avg_sq);
                _steps[i] = state.step;
            }
        }

        if (toLive)
        {
            _task.Load(_taskState);
        }
        else
        {
            _taskState = _task.Save();
        }
    }
}
