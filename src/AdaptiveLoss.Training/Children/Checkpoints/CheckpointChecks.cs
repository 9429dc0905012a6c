using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children.Checkpoints;

/// <summary>
/// Whether a verified checkpoint belongs to this child: same child, seed, model, data and window plan; the task's state
/// (Φ and the history for classification) loadable into the child's task; every tensor with the live model's name, dtype and shape. Each failure is a one-line
/// <see cref="CheckpointException"/> naming the file, raised before anything is applied.
/// </summary>
internal static class CheckpointChecks
{
    public static void Identity(ChildCheckpoint checkpoint, ChildSpec spec, TaskData data, WindowPlan plan, ILossTask task)
    {
        var s = checkpoint.State;
        var path = checkpoint.PathOf(ChildCheckpoint.StateFile);
        Same(path, "child", s.ChildId, spec.ChildId);
        Same(path, "seed", s.Seed, spec.Seed);
        Same(path, "model", s.Model, spec.Settings.Model.ToString());
        Same(path, "classes", s.Classes, data.Classes);
        Same(path, "input shape", string.Join('×', s.InputShape ?? []), string.Join('×', data.InputShape));
        Same(path, "training images", s.TrainCount, data.TrainCount);
        Same(path, "batch size", s.BatchSize, spec.Settings.BatchSize);
        Same(path, "window length", s.WindowLength, plan.WindowLength);
        Same(path, "total iterations", s.TotalIterations, plan.TotalIterations);
        Same(path, "training", s.Training, Training(spec.Settings));
        if (s.NextWindow < 0 || s.NextWindow > plan.Windows || s.Iteration < 0 || s.Iteration > plan.TotalIterations)
        {
            throw new CheckpointException(path, $"window {s.NextWindow} / iteration {s.Iteration} outside the run's {plan.Windows} windows");
        }

        try
        {
            task.Check(TaskState(s));
        }
        catch (ArgumentException ex)
        {
            throw new CheckpointException(path, ex.Message.Split('\n', 2)[0].Split(" (Parameter", 2)[0], ex);
        }
    }

    /// <summary>Checks <paramref name="stored"/> against the live tensors: same count, names, dtypes, shapes and byte sizes.</summary>
    public static void Tensors(string path, List<StoredTensor> stored, List<(string Name, Tensor Tensor)> live)
    {
        if (stored.Count != live.Count)
        {
            throw new CheckpointException(path, $"{stored.Count} tensors, the child has {live.Count} (another model?)");
        }

        for (var i = 0; i < live.Count; i++)
        {
            var (name, tensor) = live[i];
            var s = stored[i];
            if (s.Name != name || s.DType != tensor.dtype || !s.Shape.SequenceEqual(tensor.shape))
            {
                throw new CheckpointException(path,
                    $"tensor {i} is '{s.Name}' {s.DType} [{string.Join(',', s.Shape)}], the child has '{name}' {tensor.dtype} [{string.Join(',', tensor.shape)}]");
            }

            var expected = tensor.numel() * (tensor.dtype == ScalarType.Float32 ? 4 : 8);
            if (s.Data.Length != expected)
            {
                throw new CheckpointException(path, $"tensor '{name}' has {s.Data.Length} bytes, expected {expected}");
            }
        }
    }

    /// <summary>The hyperparameters that shape a child's training beyond the plan, as one comparable line.</summary>
    public static string Training(ChildSettings options) => FormattableString.Invariant(
        $"task {options.Task}, loss {options.Loss} {options.LossForm}, lr {options.LearningRate:R}, beta {options.Beta:R}, phi-max {options.PhiMax:R}")
        + MismatchSettings(options);

    // Only what differs from the defaults is appended, so checkpoints of runs without these settings stay valid.
    private static string MismatchSettings(ChildSettings o)
    {
        var d = new ChildSettings();
        var parts = new List<string>();
        void Add(bool differs, FormattableString text)
        {
            if (differs)
            {
                parts.Add(FormattableString.Invariant(text));
            }
        }

        Add(o.DataSeed != d.DataSeed, $"data-seed {o.DataSeed}");
        Add(o.Imbalance is not null, $"imbalance {o.Imbalance:R} {o.ImbalanceOrder}");
        Add(o.LabelNoise is not null, $"noise {o.ResolvedLabelNoise()?.Format()}");
        Add(o.Smoothing != d.Smoothing, $"smoothing {o.Smoothing:R}");
        Add(o.FocalGamma != d.FocalGamma, $"focal-gamma {o.FocalGamma:R}");
        Add(o.ClassBalanceBeta != d.ClassBalanceBeta, $"cb-beta {o.ClassBalanceBeta:R}");
        Add(o.Tau != d.Tau, $"tau {o.Tau:R}");
        Add(o.Phi is not null, $"phi {string.Join(' ', o.Phi?.SelectMany(r => r).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) ?? [])}");
        return parts.Count == 0 ? string.Empty : ", " + string.Join(", ", parts);
    }

    /// <summary>The task's part of state.json (its field names predate the task seam, so older checkpoints still load).</summary>
    public static LossTaskState TaskState(CheckpointState state) => new(state.Phi ?? [], state.Offsets, state.History ?? [], state.Shares);

    private static void Same<T>(string path, string what, T stored, T live)
    {
        if (!EqualityComparer<T>.Default.Equals(stored, live))
        {
            throw new CheckpointException(path, $"written for {what} {stored}, this child has {live}");
        }
    }
}
